/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libbpf's messages, through one callback for the whole program. Quiet by default: the last
 * line of a refusal (the verifier's reason, or an earlier "unknown func" of a helper the
 * kernel lacks) is kept for the error message the caller writes. LOCKDOWN_DEBUG=1 in the
 * environment shows every message on stderr instead.
 */
#ifndef LD_LIBBPF_LOG_H
#define LD_LIBBPF_LOG_H

/* Installs the callback (again is harmless) and forgets the last refusal line. */
void ld_libbpf_log_install(void);
/* The last refusal line since ld_libbpf_log_install(); "" when there was none. */
const char *ld_libbpf_log_last(void);

#endif
