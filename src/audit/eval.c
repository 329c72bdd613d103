// SPDX-License-Identifier: GPL-2.0-only
/* Three-valued evaluation of the checks' expectations, with the evidence that decided them. */
#include "audit/audit.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const profile_names[] = {
	[LD_PROFILE_INTEGRITY] = "integrity",
	[LD_PROFILE_KSPP] = "kspp",
};

const char *ld_profile_name(enum ld_profile p)
{
	return (unsigned int)p < LD_PROFILE_N ? profile_names[p] : NULL;
}

int ld_profile_from_name(const char *name, enum ld_profile *p)
{
	for (unsigned int i = 0; i < LD_PROFILE_N; i++) {
		if (strcmp(name, profile_names[i]) == 0) {
			*p = (enum ld_profile)i;
			return 0;
		}
	}
	/* The integrity profile's first name, after the write-up its choices came from. */
	if (strcmp(name, "cloudflare") == 0) {
		*p = LD_PROFILE_INTEGRITY;
		return 0;
	}
	return -EINVAL;
}

const char *ld_audit_arch_name(const char *m)
{
	if (strcmp(m, "x86_64") == 0 || strcmp(m, "x86") == 0 || strcmp(m, "i386") == 0 ||
	    strcmp(m, "i686") == 0)
		return "x86";
	if (strcmp(m, "aarch64") == 0 || strcmp(m, "arm64") == 0)
		return "arm64";
	return m;
}

/*
 * The set of option names the checks read, built once from the table: the config reader keeps
 * only these (a Debian config has ~10 000 options, the table reads ~150).
 */
#define WANT_SLOTS 1024
static struct {
	const char *name;
	size_t len;
} want_tab[WANT_SLOTS];
static bool want_built;

/* The slot of name: where it is, or the empty one where it goes. */
static size_t want_slot(const char *name, size_t n)
{
	size_t i = ld_kconfig_hash(name, n) & (WANT_SLOTS - 1);

	while (want_tab[i].name && !(want_tab[i].len == n && !memcmp(want_tab[i].name, name, n)))
		i = (i + 1) & (WANT_SLOTS - 1);
	return i;
}

static void want_add(const char *name)
{
	size_t n = strlen(name), i = want_slot(name, n);

	want_tab[i].name = name;
	want_tab[i].len = n;
}

/* fn on each kernel-config condition of e, depth first, until it returns true (then true). */
static bool any_kconfig_cond(const struct ld_expr *e,
			     bool (*fn)(const struct ld_expr *, const void *), const void *arg)
{
	if (e->kind == LD_E_COND)
		return e->src == LD_SRC_KCONFIG && fn(e, arg);
	if (e->kind == LD_E_ANY || e->kind == LD_E_ALL || e->kind == LD_E_FIRST)
		for (const struct ld_expr *s = e->sub; s->kind != LD_E_END; s++)
			if (any_kconfig_cond(s, fn, arg))
				return true;
	return false;
}

static bool want_cond(const struct ld_expr *e, const void *arg)
{
	(void)arg;
	want_add(e->key);
	return false; /* every one */
}

bool ld_audit_kconfig_wanted(const char *name, size_t len)
{
	if (!want_built) {
		/* CONFIG_LSM for the LSM order; the architecture when the header lacks it. */
		want_add("LSM");
		want_add("X86_64");
		want_add("X86_32");
		want_add("ARM64");
		for (size_t c = 0; c < ld_checks_count; c++)
			any_kconfig_cond(&ld_checks[c].expect, want_cond, NULL);
		want_built = true;
	}
	return want_tab[want_slot(name, len)].name != NULL;
}

const char *ld_sev_name(enum ld_sev s)
{
	static const char *const n[] = { "none", "info", "low", "medium", "high" };

	return (unsigned int)s < sizeof(n) / sizeof(n[0]) ? n[s] : "?";
}

const char *ld_status_name(enum ld_status s)
{
	static const char *const n[] = { "pass", "fail", "unknown", "info" };

	return (unsigned int)s < LD_ST_N ? n[s] : "?";
}

/* Append formatted text to buf (always NUL-terminated, silently truncated). */
static void __attribute__((format(printf, 3, 4))) cat(char *buf, size_t len, const char *fmt, ...)
{
	size_t off = strnlen(buf, len);
	va_list ap;

	if (off + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + off, len - off, fmt, ap);
	va_end(ap);
}

/* Decimal digits with an optional '-', nothing else; false on overflow. */
static bool parse_dec(const char *s, size_t n, long long *v)
{
	unsigned long long acc = 0;
	bool neg = n > 0 && s[0] == '-';
	size_t i = neg;

	if (i == n)
		return false;
	for (; i < n; i++) {
		unsigned int d = (unsigned int)(s[i] - '0');

		if (d > 9 || acc > (ULLONG_MAX - d) / 10)
			return false;
		acc = acc * 10 + d;
	}
	if (acc > (unsigned long long)LLONG_MAX + neg)
		return false;
	*v = neg ? (long long)(0 - acc) : (long long)acc;
	return true;
}

/* A kernel config's int (decimal) or hex (0x...) value. */
static bool parse_kconfig_int(const char *s, long long *v)
{
	char *end;

	if (!s || !*s)
		return false;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		unsigned long long u;

		if (!isxdigit((unsigned char)s[2]))
			return false;
		errno = 0;
		u = strtoull(s + 2, &end, 16);
		if (errno || *end || u > LLONG_MAX)
			return false;
		*v = (long long)u;
		return true;
	}
	return parse_dec(s, strlen(s), v);
}

static bool parse_ll(const char *s, long long *v)
{
	return s && parse_dec(s, strlen(s), v);
}

int ld_sysctl_parse(const char *text, long long *value)
{
	size_t n = strlen(text);
	bool first = true;

	if (n > 0 && text[n - 1] == '\n')
		n--;
	if (n == 0)
		return -EINVAL;
	for (const char *p = text, *end = text + n; p <= end;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		size_t len = tab ? (size_t)(tab - p) : (size_t)(end - p);
		long long v;

		if (!parse_dec(p, len, &v)) {
			size_t i = len > 0 && p[0] == '-';
			bool digits = len > i; /* all digits, so too many of them */

			for (; i < len; i++)
				digits &= p[i] >= '0' && p[i] <= '9';
			return digits ? -ERANGE : -EINVAL;
		}
		if (first)
			*value = v;
		first = false;
		if (!tab)
			break;
		p = tab + 1;
	}
	return 0;
}

int ld_sysctl_read(const char *root, const char *key, long long *value)
{
	char path[PATH_MAX], rel[256], buf[256];
	size_t i;
	long n;

	for (i = 0; key[i] && i < sizeof(rel) - 1; i++)
		rel[i] = key[i] == '.' ? '/' : key[i];
	if (key[i])
		return -ENAMETOOLONG;
	rel[i] = '\0';
	if (ld_path_join(path, sizeof(path), root, rel) != 0)
		return -ENAMETOOLONG;
	n = ld_read_file(path, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	if (memchr(buf, '\0', (size_t)n))
		return -EINVAL;
	return ld_sysctl_parse(buf, value);
}

static enum ld_tri tri(bool b)
{
	return b ? LD_TRUE : LD_FALSE;
}

static bool int_cmp(enum ld_op op, long long v, const char *arg)
{
	long long a = 0;

	parse_ll(arg, &a);
	switch (op) {
	case LD_OP_GE:
		return v >= a;
	case LD_OP_EQ:
	case LD_OP_ABSENT_OR_EQ:
		return v == a;
	case LD_OP_BIT_CLEAR:
		return !(v & (1LL << a));
	default:
		return false;
	}
}

static enum ld_tri eval_kconfig(const struct ld_expr *e, const struct ld_audit_input *in, char *ev,
				size_t len)
{
	const char *v;
	long long n;
	bool r = false;

	if (!in->have_kconfig) {
		cat(ev, len, "CONFIG_%s unknown: %s", e->key, in->kconfig_why);
		return in->kconfig_excluded ? LD_EXCLUDED : LD_UNKNOWN;
	}
	v = ld_kconfig_get(&in->kconfig, e->key);
	/* Outside its version window an option is not applicable, unless the config has it: a
	 * config lists only what its kernel has, so a present option is a backport and decides. */
	if (!v && in->kver && ((e->kmin && in->kver < e->kmin) || (e->kmax && in->kver >= e->kmax)))
		return LD_NA;
	switch (e->op) {
	case LD_OP_Y:
		r = v && strcmp(v, "y") == 0;
		break;
	case LD_OP_SET:
		r = v && (strcmp(v, "y") == 0 || strcmp(v, "m") == 0);
		break;
	case LD_OP_UNSET:
		r = !v || strcmp(v, "n") == 0;
		break;
	case LD_OP_ONEOF:
		r = v && ld_list_has(e->arg, v);
		break;
	case LD_OP_HAS:
		r = v && ld_list_has(v, e->arg);
		break;
	default:
		r = v && parse_kconfig_int(v, &n) && int_cmp(e->op, n, e->arg);
		break;
	}
	if (!v || strcmp(v, "n") == 0)
		cat(ev, len, "CONFIG_%s is not set", e->key);
	else if (e->op == LD_OP_HAS || e->op == LD_OP_ONEOF)
		cat(ev, len, "CONFIG_%s=\"%s\"", e->key, v);
	else
		cat(ev, len, "CONFIG_%s=%s", e->key, v);
	return tri(r);
}

static enum ld_tri eval_cmdline(const struct ld_expr *e, const struct ld_audit_input *in, char *ev,
				size_t len)
{
	const char *v = NULL;
	enum ld_level want = LD_LEVEL_INTEGRITY, got;
	bool found;

	if (!in->have_cmdline) {
		cat(ev, len, "%s%s unknown: %s", e->key[0] == '@' ? "lsm" : e->key,
		    e->op == LD_OP_ABSENT || e->op == LD_OP_TRUE ? "" : "=", in->cmdline_why);
		return in->cmdline_excluded ? LD_EXCLUDED : LD_UNKNOWN;
	}
	if (strcmp(e->key, "@lsm_order") == 0) {
		const char *cfg = in->have_kconfig ? ld_kconfig_get(&in->kconfig, "LSM") : NULL;
		const char *sec = NULL;
		char order[512];

		if (ld_cmdline_lsm_order(&in->cmdline, cfg, order, sizeof(order)) != 0) {
			cat(ev, len,
			    "LSM order unknown: no lsm= on the command line and CONFIG_LSM %s",
			    in->have_kconfig ? "is not set" : "unknown (no kernel config)");
			return LD_UNKNOWN;
		}
		if (ld_cmdline_get(&in->cmdline, "lsm", &v) && v)
			cat(ev, len, "lsm=%s on the command line", order);
		else if (ld_cmdline_get(&in->cmdline, "security", &sec) && sec)
			cat(ev, len, "LSM order %s (CONFIG_LSM with security=%s)", order, sec);
		else
			cat(ev, len, "LSM order %s (CONFIG_LSM, no lsm= on the command line)",
			    order);
		return tri(ld_list_has(order, e->arg));
	}
	found = ld_cmdline_get(&in->cmdline, e->key, &v);
	if (!found) {
		cat(ev, len, "no %s%s on the command line", e->key,
		    e->op == LD_OP_ABSENT ? "" : "=");
		return tri(e->op == LD_OP_ABSENT || e->op == LD_OP_NOT_TRUE ||
			   e->op == LD_OP_NOT_ONEOF);
	}
	if (v)
		cat(ev, len, "%s=%s on the command line", e->key, v);
	else
		cat(ev, len, "%s on the command line", e->key);
	switch (e->op) {
	case LD_OP_ABSENT:
		return LD_FALSE;
	case LD_OP_TRUE:
		return tri(ld_parse_bool(v) == 1);
	case LD_OP_NOT_TRUE:
		return tri(ld_parse_bool(v) != 1);
	case LD_OP_NOT_ONEOF:
		return tri(!v || !ld_list_has(e->arg, v));
	case LD_OP_LEVEL_GE:
		ld_level_from_name(e->arg, &want);
		if (!v || ld_level_from_name(v, &got) != 0) {
			cat(ev, len, " (not a level: ignored by the kernel)");
			return LD_FALSE;
		}
		return tri(got >= want);
	case LD_OP_HAS:
		return tri(v && ld_list_has(v, e->arg));
	case LD_OP_ONEOF:
		return tri(v && ld_list_has(e->arg, v));
	default: {
		long long n;

		return tri(v && parse_ll(v, &n) && int_cmp(e->op, n, e->arg));
	}
	}
}

static enum ld_tri eval_sysctl(const struct ld_expr *e, const struct ld_audit_input *in, char *ev,
			       size_t len)
{
	long long v;
	int ret;

	if (!in->sysctl_root) {
		cat(ev, len, "%s unknown: %s", e->key, in->sysctl_why);
		return in->sysctl_excluded ? LD_EXCLUDED : LD_UNKNOWN;
	}
	ret = ld_sysctl_read(in->sysctl_root, e->key, &v);
	if (e->op == LD_OP_MISSING && (ret == 0 || ret == -ENOENT)) {
		cat(ev, len, ret ? "%s absent: not built" : "%s present: built", e->key);
		return tri(ret == -ENOENT);
	}
	if (ret) {
		cat(ev, len, "%s unknown: %s", e->key,
		    ret == -ENOENT   ? "not present in this kernel"
		    : ret == -EINVAL ? "unexpected content (not a decimal integer)"
		    : ret == -ERANGE ? "out of range"
				     : ld_errno_hint(-ret));
		return LD_UNKNOWN;
	}
	if (e->op == LD_OP_BIT_CLEAR)
		cat(ev, len, "%s=%lld (bit %s %s)", e->key, v, e->arg,
		    int_cmp(e->op, v, e->arg) ? "clear" : "set");
	else
		cat(ev, len, "%s=%lld", e->key, v);
	return tri(int_cmp(e->op, v, e->arg));
}

static const struct ld_fact *runtime_fact(const struct ld_audit_input *in, const char *key,
					  const char **label)
{
	static const struct {
		const char *key, *label;
		size_t off;
	} facts[] = {
		{ "lockdown", "kernel lockdown level", offsetof(struct ld_audit_input, lockdown) },
		{ "lsm", "active LSMs", offsetof(struct ld_audit_input, lsm) },
		{ "sig_enforce", "runtime module.sig_enforce",
		  offsetof(struct ld_audit_input, sig_enforce) },
		{ "efi:SecureBoot", "EFI SecureBoot",
		  offsetof(struct ld_audit_input, secure_boot) },
		{ "efi:SetupMode", "EFI SetupMode", offsetof(struct ld_audit_input, setup_mode) },
		{ "efi:MokSBStateRT", "shim MokSBStateRT",
		  offsetof(struct ld_audit_input, moksbstate) },
		{ "modules", "loaded modules", offsetof(struct ld_audit_input, modules) },
		{ "enforcer", "lockdown enforcer", offsetof(struct ld_audit_input, enforcer) },
	};

	for (size_t i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
		if (strcmp(facts[i].key, key) == 0) {
			*label = facts[i].label;
			return (const struct ld_fact *)((const char *)in + facts[i].off);
		}
	}
	return NULL;
}

static enum ld_tri eval_runtime(const struct ld_expr *e, const struct ld_audit_input *in, char *ev,
				size_t len)
{
	const char *label = e->key;
	const struct ld_fact *f = runtime_fact(in, e->key, &label);
	enum ld_level want = LD_LEVEL_INTEGRITY, got;
	long long n;

	if (!f) {
		cat(ev, len, "%s: no such runtime fact", e->key);
		return LD_UNKNOWN;
	}
	if (!f->known) {
		cat(ev, len, "%s unknown: %s", label, f->why);
		return f->excluded ? LD_EXCLUDED : LD_UNKNOWN;
	}
	if (strcmp(e->key, "enforcer") == 0 && e->op == LD_OP_ONEOF) {
		cat(ev, len, "%s: %s", label,
		    strcmp(f->value, "sealed") == 0   ? "loaded and sealed"
		    : strcmp(f->value, "loaded") == 0 ? "loaded, not sealed"
						      : "not loaded");
		return tri(ld_list_has(e->arg, f->value));
	}
	if (strcmp(e->key, "enforcer") == 0) {
		/* Only a sealed enforcer is a fact about the machine: root removes an unsealed
		 * one with `lockdown remove`. */
		if (strcmp(f->value, "absent") == 0) {
			cat(ev, len, "no lockdown enforcer loaded");
			return LD_FALSE;
		}
		if (strcmp(f->value, "sealed") != 0) {
			cat(ev, len,
			    "lockdown enforcer loaded but not sealed (root can remove it)");
			return LD_FALSE;
		}
		if (in->enforcer_denies.known && ld_list_has(in->enforcer_denies.value, e->arg)) {
			cat(ev, len, "sealed lockdown enforcer denies %s to every task", e->arg);
			return LD_TRUE;
		}
		if (in->enforcer_objects.known) {
			/* "module_signature: /a.ko /b.ko; kexec: /boot/x" */
			const char *at = strstr(in->enforcer_objects.value, e->arg);
			size_t n = strlen(e->arg);

			if (at && at[n] == ':') {
				cat(ev, len,
				    "sealed lockdown enforcer denies %s to every task, except the "
				    "files its Module= or Kexec= rules name:%.*s",
				    e->arg, (int)strcspn(at + n + 1, ";"), at + n + 1);
				return LD_FALSE;
			}
		}
		cat(ev, len, "sealed lockdown enforcer does not deny %s to every task%s%s", e->arg,
		    in->enforcer_denies.known ? "" : ": ",
		    in->enforcer_denies.known ? "" : in->enforcer_denies.why);
		return LD_FALSE;
	}
	if (e->op == LD_OP_MISSING) {
		bool absent = strcmp(f->value, "absent") == 0;

		cat(ev, len, absent ? "no %s: not built" : "%s: %s", label, f->value);
		return tri(absent);
	}
	switch (e->op) {
	case LD_OP_LEVEL_GE:
		cat(ev, len, "%s is %s", label, f->value);
		ld_level_from_name(e->arg, &want);
		return tri(ld_level_from_name(f->value, &got) == 0 && got >= want);
	case LD_OP_HAS:
		cat(ev, len, "%s %s", label, f->value);
		return tri(ld_list_has(f->value, e->arg));
	case LD_OP_TRUE:
		cat(ev, len, "%s=%s", label, f->value);
		return tri(ld_parse_bool(f->value) == 1);
	case LD_OP_ABSENT_OR_EQ:
		if (strcmp(f->value, "absent") == 0) {
			cat(ev, len, "%s is absent", label);
			return LD_TRUE;
		}
		/* fall through */
	default:
		if (strcmp(f->value, "not-efi") == 0) {
			cat(ev, len, "not an EFI boot (no /sys/firmware/efi)");
			return LD_FALSE;
		}
		if (strcmp(f->value, "absent") == 0) {
			cat(ev, len, "%s is absent", label);
			return LD_FALSE;
		}
		cat(ev, len, "%s=%s", label, f->value);
		return tri(parse_ll(f->value, &n) && int_cmp(e->op, n, e->arg));
	}
}

static void join(char *dst, size_t len, const char *sep, const char *s)
{
	if (!*s)
		return;
	cat(dst, len, "%s%s", *dst ? sep : "", s);
}

enum ld_tri ld_expr_eval(const struct ld_expr *e, const struct ld_audit_input *in, char *ev,
			 size_t evlen)
{
	/* Only the first byte: "= \"\"" would clear 5 KiB on every call of this recursion. */
	char t[1024], f[1024], u[1024], x[1024], one[1024];
	bool any_t = false, any_f = false, any_u = false, any_x = false;

	t[0] = f[0] = u[0] = x[0] = '\0';

	switch (e->kind) {
	case LD_E_COND:
		switch (e->src) {
		case LD_SRC_KCONFIG:
			return eval_kconfig(e, in, ev, evlen);
		case LD_SRC_CMDLINE:
			return eval_cmdline(e, in, ev, evlen);
		case LD_SRC_SYSCTL:
			return eval_sysctl(e, in, ev, evlen);
		case LD_SRC_RUNTIME:
			return eval_runtime(e, in, ev, evlen);
		}
		return LD_UNKNOWN;
	case LD_E_ANY:
	case LD_E_ALL:
	case LD_E_FIRST:
		break;
	default:
		return LD_UNKNOWN;
	}
	for (const struct ld_expr *s = e->sub; s->kind != LD_E_END; s++) {
		enum ld_tri r;

		one[0] = '\0';
		r = ld_expr_eval(s, in, one, sizeof(one));
		if (e->kind == LD_E_FIRST && (r == LD_TRUE || r == LD_FALSE)) {
			cat(ev, evlen, "%s", one);
			return r;
		}
		if (r == LD_TRUE) {
			if (e->kind == LD_E_ANY) {
				cat(ev, evlen, "%s", one);
				return LD_TRUE;
			}
			any_t = true;
			join(t, sizeof(t), " and ", one);
		} else if (r == LD_FALSE) {
			if (e->kind == LD_E_ALL) {
				cat(ev, evlen, "%s", one);
				return LD_FALSE;
			}
			any_f = true;
			join(f, sizeof(f), "; ", one);
		} else if (r == LD_UNKNOWN) {
			any_u = true;
			join(u, sizeof(u), "; ", one);
		} else if (r == LD_EXCLUDED) {
			any_x = true;
			join(x, sizeof(x), "; ", one);
		}
	}
	if (any_u) {
		cat(ev, evlen, "%s", u);
		if (any_f)
			cat(ev, evlen, "; %s", f);
		return LD_UNKNOWN;
	}
	if (e->kind == LD_E_ANY && any_f) {
		cat(ev, evlen, "%s", f);
		return LD_FALSE;
	}
	/* Offline, a term on an input that was not given cannot make "all" true. */
	if (any_x && (e->kind != LD_E_ANY || !any_f)) {
		cat(ev, evlen, "%s", x);
		return LD_EXCLUDED;
	}
	if (e->kind == LD_E_ALL && any_t) {
		cat(ev, evlen, "%s", t);
		return LD_TRUE;
	}
	return LD_NA;
}

unsigned int ld_expr_inputs(const struct ld_expr *e)
{
	unsigned int m = 0;

	if (e->kind == LD_E_COND) {
		m = e->src;
		if (e->src == LD_SRC_CMDLINE && strcmp(e->key, "@lsm_order") == 0)
			m |= LD_SRC_KCONFIG;
		return m;
	}
	if (e->kind == LD_E_ANY || e->kind == LD_E_ALL || e->kind == LD_E_FIRST)
		for (const struct ld_expr *s = e->sub; s->kind != LD_E_END; s++)
			m |= ld_expr_inputs(s);
	return m;
}

/* Whether the config mentions the option of condition e (a backport makes a check apply). */
static bool config_has(const struct ld_expr *e, const void *arg)
{
	const struct ld_audit_input *in = arg;

	return in->have_kconfig && ld_kconfig_get(&in->kconfig, e->key);
}

static void kver_text(unsigned int kver, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u", kver >> 16, (kver >> 8) & 0xff);
}

void ld_check_eval(const struct ld_check *c, enum ld_profile p, const struct ld_audit_input *in,
		   struct ld_result *r)
{
	enum ld_tri t;
	char a[16], b[16];

	memset(r, 0, sizeof(*r));
	r->check = c;
	r->sev = c->sev[p];
	r->inputs = ld_expr_inputs(&c->expect);
	if (c->arch && in->arch[0] && strcmp(c->arch, in->arch) != 0) {
		snprintf(r->evidence, sizeof(r->evidence), "not applicable to %s (%s only; %s)",
			 in->arch, c->arch, in->arch_origin ? in->arch_origin : "architecture");
		r->status = LD_ST_INFO;
		return;
	}
	if (in->kver && ((c->kmin && in->kver < c->kmin) || (c->kmax && in->kver >= c->kmax)) &&
	    !any_kconfig_cond(&c->expect, config_has, in)) {
		kver_text(in->kver, a, sizeof(a));
		kver_text(c->kmin ? c->kmin : c->kmax, b, sizeof(b));
		snprintf(r->evidence, sizeof(r->evidence), "not applicable to kernel %s (%s %s)", a,
			 c->kmin ? "introduced in" : "removed in", b);
		r->status = LD_ST_INFO;
		return;
	}
	t = ld_expr_eval(&c->expect, in, r->evidence, sizeof(r->evidence));
	switch (t) {
	case LD_TRUE:
		r->status = LD_ST_PASS;
		break;
	case LD_FALSE:
		r->status = LD_ST_FAIL;
		break;
	case LD_UNKNOWN:
	case LD_EXCLUDED:
		r->status = LD_ST_UNKNOWN;
		break;
	default:
		r->status = LD_ST_INFO;
		snprintf(r->evidence, sizeof(r->evidence), "not applicable to this kernel version");
		break;
	}
	if (r->sev == LD_SEV_INFO && r->status != LD_ST_PASS)
		r->status = LD_ST_INFO;
}

void ld_audit_input_free(struct ld_audit_input *in)
{
	if (in->have_kconfig)
		ld_kconfig_free(&in->kconfig);
	if (in->have_cmdline)
		ld_cmdline_free(&in->cmdline);
	in->have_kconfig = in->have_cmdline = false;
}
