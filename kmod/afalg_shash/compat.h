/* SPDX-License-Identifier: GPL-2.0 */
/*
 * afalg_shash: what the crypto headers are on 5.10 to 7.x.  Kbuild's
 * feature test (kmod/afalg_shash/Kbuild) sets AFALG_SHASH_CRYPTO_SHA_H.
 */
#ifndef AFALG_SHASH_COMPAT_H
#define AFALG_SHASH_COMPAT_H

#ifdef AFALG_SHASH_CRYPTO_SHA_H
/* up to 5.10 */
#include <crypto/sha.h>
#else
/* 5.11 on */
#include <crypto/sha2.h>
#endif

#endif /* AFALG_SHASH_COMPAT_H */
