// SPDX-License-Identifier: GPL-2.0-only
/*
 * Does a seal mean anything? A sealed policy stops root from switching the enforcer off, but
 * not from using what the policy still allows. Every integrity-class reason lets its user
 * change the running kernel (that is what the kernel's own class says: unsigned modules,
 * /dev/mem, kexec, a hibernation image root can rewrite, raw I/O ports, MSRs, PCI BARs,
 * debugfs, bpf_probe_write_user, ...), so a policy that allows one of them to a subject root
 * can become is no seal at all. Root can be any uid and move into any cgroup, and is on the
 * host: the default rule, the host rule and every uid and cgroup rule count. Executable rules
 * do not: a sealed enforcer keeps other code out of them.
 */
#include "policy.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Rules a root process can put itself under. */
static bool root_reachable(const struct ld_compiled *c, unsigned int rule)
{
	if (rule == 0 || rule == c->pol.host_rule)
		return true;
	for (size_t i = 0; i < c->nuids; i++)
		if (c->uids[i].rule == rule)
			return true;
	for (size_t i = 0; i < c->ncgroups; i++)
		if (c->cgroups[i].rule == rule)
			return true;
	return false;
}

__attribute__((format(printf, 4, 5))) static void append(char *buf, size_t len, size_t *off,
							 const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*off >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *off, len - *off, fmt, ap);
	va_end(ap);
	if (n > 0)
		*off += (size_t)n;
}

unsigned int ld_seal_risks(const struct ld_compiled *c, const struct ld_reasons *rs, char *buf,
			   size_t len, bool *hibernation)
{
	unsigned int count = 0;
	size_t off = 0;

	buf[0] = '\0';
	*hibernation = false;
	for (unsigned int rule = 0; rule < c->pol.nrules && rule < LD_RULES; rule++) {
		unsigned int in_rule = 0;

		if (!root_reachable(c, rule))
			continue;
		for (unsigned int i = 0; i < rs->count; i++) {
			const struct ld_reason *r = &rs->r[i];

			if (r->class != LD_CLASS_INTEGRITY || r->number >= LD_REASONS)
				continue;
			/* Audit mode denies nothing: every reason is allowed. */
			if (c->pol.mode != LD_MODE_AUDIT &&
			    c->pol.action[rule][r->number] == LD_ACT_DENY)
				continue;
			if (in_rule == 0)
				append(buf, len, &off, "%s[%s] ", count ? "; " : "",
				       c->rule_names[rule]);
			append(buf, len, &off, "%s%s", in_rule ? ", " : "", r->name);
			if (!strcmp(r->name, "hibernation"))
				*hibernation = true;
			in_rule++;
			count++;
		}
	}
	return count;
}
