// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Reduced from false
 * positives in Linux 6.12's drivers/crypto: the request context holds the
 * fallback's sub-request, which is handed to crypto_skcipher_encrypt().
 * A request context is a request there, not a confused transform.
 */
#include <crypto/internal/skcipher.h>

struct hw_req_ctx {
	struct skcipher_request fallback_req;	/* keep last */
};

struct hw_tfm_ctx {
	struct crypto_skcipher *fallback;
};

static int hw_do_fallback(struct skcipher_request *req, bool enc)
{
	struct crypto_skcipher *tfm = crypto_skcipher_reqtfm(req);
	struct hw_tfm_ctx *ctx = crypto_skcipher_ctx(tfm);
	struct skcipher_request *sub = skcipher_request_ctx(req);

	skcipher_request_set_tfm(sub, ctx->fallback);
	skcipher_request_set_callback(sub, req->base.flags, req->base.complete,
				      req->base.data);
	skcipher_request_set_crypt(sub, req->src, req->dst, req->cryptlen,
				   req->iv);
	return enc ? crypto_skcipher_encrypt(sub) : crypto_skcipher_decrypt(sub);
}
