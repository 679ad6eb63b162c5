/* SPDX-License-Identifier: GPL-2.0 */
/*
 * deepin_lsm: what IBT's helpers are on 5.10 to 7.x, and how a page's
 * protection can be learnt per arch.  Kbuild's feature test
 * (kmod/deepin_lsm/Kbuild) sets DEEPIN_IS_ENDBR_PTR.
 */
#ifndef DEEPIN_LSM_COMPAT_H
#define DEEPIN_LSM_COMPAT_H

/*
 * x86 exports lookup_address() for the page-table entry of a kernel
 * address; elsewhere deepin_writable() probes the word instead.
 */
#ifdef CONFIG_X86
#include <asm/pgtable.h>
#define DEEPIN_LOOKUP_ADDRESS	1
#else
#define DEEPIN_LOOKUP_ADDRESS	0
#endif

#ifdef CONFIG_X86_KERNEL_IBT	/* 5.18 on; asm/ibt.h came with it */
#include <asm/ibt.h>

/* Is insn an ENDBR, or one that was sealed at boot? */
#ifdef DEEPIN_IS_ENDBR_PTR
/* After 6.12 (7.x): is_endbr() reads the text itself; __is_endbr() decodes. */
#define deepin_is_endbr(insn)	__is_endbr(insn)
#else
/* 5.18 to 6.12 */
#define deepin_is_endbr(insn)	is_endbr(insn)
#endif
#endif /* CONFIG_X86_KERNEL_IBT */

#endif /* DEEPIN_LSM_COMPAT_H */
