/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cifs_delim: how big a kmalloc slot is, on 5.10 to 7.x.  Kbuild's feature
 * test (kmod/cifs_delim/Kbuild) sets CIFS_DELIM_SIZE_ROUNDUP.
 */
#ifndef CIFS_DELIM_COMPAT_H
#define CIFS_DELIM_COMPAT_H

#include <linux/slab.h>

#ifdef CIFS_DELIM_SIZE_ROUNDUP
/* 6.1 on (and 5.15.y, 5.10.y backports): the size of kmalloc(size)'s slot. */
static inline size_t cifs_delim_slot_size(size_t size)
{
	return kmalloc_size_roundup(size);
}
#else
/* Before: ask an object of that size. */
static inline size_t cifs_delim_slot_size(size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);
	size_t slot = p ? ksize(p) : 0;

	kfree(p);
	return slot;
}
#endif

#endif /* CIFS_DELIM_COMPAT_H */
