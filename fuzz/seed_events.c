// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz-seed-events OUTDIR [PID]: the seeds of fuzz-events (layout in fuzz_events.h), built from the
 * real structures: records as the VM tests saw them (bookworm: a dev_mem deny of ld-linux and
 * of ldtamper-dyn, a sealed enforcer refusing an exe-link change), one of each kind, outcome,
 * action, match and flag, metadata written by ld_meta_from_compiled() for real sources and
 * rule names, the map shapes of this binary's BPF object with its ABI stamp, and hostile
 * ones: rule names, source, comm and file name filling their arrays without a NUL, paths with
 * newlines, escape sequences and invalid UTF-8, short and long records, forged stamps and
 * shapes, extreme times and counters. With PID, also a record of that process as it runs here (its
 * /proc/PID/exe names the file, so the reader resolves the path). fuzz/run writes them, with
 * the PID of its own shell, next to fuzz/corpus/events (the same seeds, made without PID:
 * ninja -C build-fuzz fuzz/fuzz-seed-events && build-fuzz/fuzz/fuzz-seed-events
 * fuzz/corpus/events).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_events.h"

#include "enforcer/pinned.c"

static const char *outdir;
static struct shape shapes[NMAPS];

struct seed {
	struct fe_head h;
	struct ld_event e;
	struct fe_pins pins;
	struct ld_meta meta[LD_GENS];
	char path[4096];
	size_t plen;
};

static void put(const char *name, const struct seed *s)
{
	char file[4096];
	FILE *f;
	int ok;

	snprintf(file, sizeof(file), "%s/%s", outdir, name);
	f = fopen(file, "wb");
	ok = f && fwrite(&s->h, sizeof(s->h), 1, f) == 1 &&
	     fwrite(&s->e, sizeof(s->e), 1, f) == 1 &&
	     fwrite(&s->pins, sizeof(s->pins), 1, f) == 1 &&
	     fwrite(s->meta, sizeof(s->meta), 1, f) == 1 &&
	     fwrite(s->path, 1, s->plen, f) == s->plen;
	if (!f || fclose(f) != 0 || !ok) {
		fprintf(stderr, "fuzz-seed-events: %s: %s\n", file, strerror(errno));
		exit(1);
	}
}

/* Metadata as the loader writes it for generation gen of a policy with these rules. */
static void meta(struct ld_meta *m, unsigned int gen, const char *source, unsigned int mode,
		 const char *const *rules)
{
	struct ld_compiled *c = calloc(1, sizeof(*c));

	if (!c)
		exit(1);
	c->pol.mode = mode;
	snprintf(c->source, sizeof(c->source), "%s", source);
	snprintf(c->rule_names[0], sizeof(c->rule_names[0]), "default");
	c->pol.nrules = 1;
	for (unsigned int i = 0; rules && rules[i]; i++)
		snprintf(c->rule_names[c->pol.nrules++], sizeof(c->rule_names[0]), "%s", rules[i]);
	for (unsigned int i = 0; i < sizeof(c->pol.digest); i++)
		c->pol.digest[i] = (__u8)(0xcb + 37 * i + gen);
	c->nexes = rules ? 2 : 0;
	ld_meta_from_compiled(c, gen, 1764540000000000000ULL + gen * 1000000000ULL, m);
	m->loaded_ns = 1764540000000000000ULL;
	m->variant = LD_VARIANT_BTF;
	m->init_netns = 4026531840u;
	free(c);
}

static void path(struct seed *s, const char *p, size_t n)
{
	memcpy(s->path, p, n);
	s->plen = n;
	s->h.flags |= FE_EXE_PATH;
}

/* The pins as ld_pinned_open() finds them on a lockdown of this ABI: map i's real shape. */
static void pins(struct seed *s, unsigned int i)
{
	s->h.map = (__u8)i;
	s->pins.type = shapes[i % NMAPS].type;
	s->pins.key_size = shapes[i % NMAPS].key;
	s->pins.value_size = shapes[i % NMAPS].value;
	s->pins.max_entries = shapes[i % NMAPS].max;
	s->pins.stamp = (struct ld_abi){ .magic = LD_ABI_MAGIC,
					 .version = LD_ABI_VERSION,
					 .event_size = sizeof(struct ld_event),
					 .policy_size = sizeof(struct ld_policy),
					 .meta_size = sizeof(struct ld_meta),
					 .seal_size = sizeof(struct ld_seal) };
	for (unsigned int k = 0; k < 4; k++)
		s->pins.counters[k] = (struct ld_counters){ .outcome = { 8 + k, 2 * k, 3 },
							    .events = 3 + 2 * k,
							    .ratelimited = k,
							    .dropped = 0 };
}

/* bookworm, the dev_mem deny the VM tests saw: "lockdown: deny dev_mem (/dev/mem,kmem,port)
 * pid=161 comm=ld-linux-x86-64 exe=ld-linux-x86-64.so.2 exe_id=0:2:39 uid=0 cgroup=1
 * rule=default", the generation-0 policy of profile:integrity in force. */
static struct seed *base(unsigned int n)
{
	static const char *const rules[] = { "host", "tool", "agent", NULL };
	struct seed *s = calloc(1, sizeof(*s));
	struct ld_event *e = &s->e;

	if (!s)
		exit(1);
	s->h.flags = FE_REASONS | FE_META0 | FE_LOADED | FE_LEVEL;
	s->h.level = 0;
	s->h.cut = 40;
	s->h.mono_to_real = 1764540000000000000LL - 5000000000LL;
	e->ts_ns = 14336512873ULL;
	e->cgroup_id = 1;
	e->exe_dev = (0ULL << 20) | 2;
	e->exe_ino = 39;
	e->pid = 161;
	e->tid = 161;
	e->reason = 2; /* dev_mem */
	e->action = LD_ACT_DENY;
	e->outcome = LD_OUT_DENIED;
	e->match = LD_MATCH_DEFAULT;
	e->mode = LD_MODE_ENFORCE;
	e->flags = LD_EV_HOST;
	e->pidns = 4026531836u;
	e->netns = 4026531840u;
	memcpy(e->comm, "ld-linux-x86-64", 16);
	memcpy(e->pcomm, "sh", 3);
	memcpy(e->exe_name, "ld-linux-x86-64.so.2", 21);
	meta(&s->meta[0], 0, "profile:integrity", LD_MODE_ENFORCE, rules);
	pins(s, n);
	return s;
}

static void fill(char *dst, size_t n, const char *pattern)
{
	for (size_t i = 0, k = strlen(pattern); i < n; i++)
		dst[i] = pattern[i % k];
}

int main(int argc, char **argv)
{
	static const char evil[] = "/tmp/x\nlockdown: deny dev_mem pid=1\tA B\x1b]0;t\x07\xff\xc3"
				   " \xc3\xa9t\xc3\xa9 \xc2\x85 \x7f \xc0\xaf \xed\xa0\x80 \\x0a";
	static const char *const desktop[] = { "systemd-sleep", "exempt-cgroup", "nobody", NULL };
	unsigned int n = 0;
	struct seed *s;

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: fuzz-seed-events OUTDIR [PID]\n");
		return 2;
	}
	outdir = argv[1];
	if (expected_shapes(shapes) != 0) {
		fprintf(stderr, "fuzz-seed-events: the embedded BPF object does not open\n");
		return 1;
	}

	/* The VM tests' records. */
	s = base(n++);
	put("deny-dev_mem-ld-linux", s);
	s->e.pid = s->e.tid = 166;
	s->e.exe_ino = 267;
	memcpy(s->e.comm, "ldtamper-dyn", 13);
	memcpy(s->e.exe_name, "ldtamper-dyn\0", 13);
	path(s, "/bin/ldtamper-dyn", 17);
	put("deny-dev_mem-ldtamper-dyn", s);
	free(s);
	s = base(n++);
	s->e.kind = LD_EVK_TAMPER;
	s->e.reason = LD_TAMPER_EXE_LINK;
	s->e.pid = s->e.tid = 156;
	s->h.flags |= FE_SEALED;
	put("tamper-exe-link", s);
	/* The other refusals: each target form, and a kind this version does not know. */
	s->e.reason = LD_TAMPER_MAP_WRITE;
	s->e.obj_ino = 77;
	put("tamper-map-write", s);
	s->e.reason = LD_TAMPER_PTRACE;
	s->e.obj_ino = 1;
	put("tamper-ptrace", s);
	s->e.reason = LD_TAMPER_UNLINK;
	s->e.obj_dev = (0ULL << 20) | 22;
	s->e.obj_ino = 1234;
	put("tamper-unlink", s);
	s->e.reason = 99;
	put("tamper-unknown-kind", s);
	free(s);

	/* An audit rule of an executable section, named by generation 1 (set 1). */
	s = base(n++);
	s->e.gen = 1;
	s->e.rule = 2;
	s->e.action = LD_ACT_AUDIT;
	s->e.outcome = LD_OUT_AUDITED;
	s->e.match = LD_MATCH_EXE;
	s->e.reason = 26; /* perf */
	s->h.flags |= FE_META1;
	meta(&s->meta[1], 1, "/etc/lockdown/policy.conf", LD_MODE_ENFORCE, desktop);
	path(s, "/usr/bin/perf", 13);
	put("audit-exe-rule-gen1", s);
	/* Audit mode: a deny reported as a would-deny; JSON as -p prints it. */
	s->meta[1].mode = LD_MODE_AUDIT;
	s->e.mode = LD_MODE_AUDIT;
	s->e.action = LD_ACT_DENY;
	s->e.flags |= LD_EV_WOULD_DENY;
	s->h.flags |= FE_PRETTY;
	put("would-deny-audit-mode", s);
	/* Allowed (never reported, but a record can say so), cgroup and uid matches. */
	s->e.outcome = LD_OUT_ALLOWED;
	s->e.action = LD_ACT_ALLOW;
	s->e.flags = 0;
	s->e.match = LD_MATCH_CGROUP;
	s->e.cgroup_id = 8410;
	put("allowed-cgroup", s);
	s->e.match = LD_MATCH_UID;
	s->e.uid = s->e.gid = 65534;
	s->e.rule = 3;
	put("deny-uid", s);
	free(s);

	/* Sealed: exemptions withheld from a traced process and for a replaced file. */
	s = base(n++);
	s->e.match = LD_MATCH_EXE;
	s->e.rule = 1;
	s->e.reason = 24; /* bpf_read_kernel */
	s->e.flags |= LD_EV_TRACED;
	s->h.flags |= FE_SEALED;
	put("exemption-withheld-traced", s);
	s->e.flags = LD_EV_REVOKED;
	put("exemption-withheld-replaced", s);
	free(s);

	/* Kernel context: no executable, not the actor; a reason this lockdown cannot name. */
	s = base(n++);
	s->e.flags = LD_EV_KTHREAD | LD_EV_NOT_ACTOR | LD_EV_NO_EXE;
	memcpy(s->e.comm, "kworker/0:1\n", 13);
	memset(s->e.exe_name, 0, sizeof(s->e.exe_name));
	s->e.reason = 40;
	put("kthread-unknown-reason", s);
	s->h.flags &= (__u8)~FE_REASONS;
	s->e.reason = 30; /* a_later_reason: no description */
	s->e.flags = LD_EV_NAME_LONG;
	put("no-reason-names-no-exe-name", s);
	free(s);

	/* Metadata that no longer names the event's rules: replaced twice since. */
	s = base(n++);
	s->e.gen = 3;
	s->e.rule = 1;
	s->h.flags |= FE_META1;
	meta(&s->meta[0], 2, "profile:desktop", LD_MODE_ENFORCE, desktop);
	meta(&s->meta[1], 1, "/tmp/seal.conf", LD_MODE_ENFORCE, desktop);
	put("meta-of-later-generation", s);
	s->meta[0].magic = 0; /* a set never written */
	s->meta[1].magic = LD_META_MAGIC + 1;
	put("meta-unwritten", s);
	free(s);

	/* Pinned metadata and record fields filling their arrays, no NUL anywhere. */
	s = base(n++);
	s->meta[0].nrules = LD_RULES;
	for (unsigned int r = 0; r < LD_RULES; r++)
		fill(s->meta[0].rule_names[r], LD_META_NAME_LEN, "r\n\x1b[2J\xff\xc3 \\x");
	s->e.rule = LD_RULES - 1;
	fill(s->e.comm, sizeof(s->e.comm), "c\x1b]0;t\x07");
	fill(s->e.pcomm, sizeof(s->e.pcomm), "\xe2\x80\xae");
	fill(s->e.exe_name, sizeof(s->e.exe_name), "n\nlockdown: deny \xff");
	put("unterminated-names", s);
	fill(s->meta[0].source, sizeof(s->meta[0].source), "/etc/\x1b[31m\n\xff");
	put("unterminated-source", s);
	s->meta[0].rule_names[LD_RULES - 1][0] = '\0';
	s->meta[0].nrules = 0xffffffffu;
	s->e.rule = 0xffff;
	put("rule-out-of-range", s);
	free(s);

	/* Executable paths of anyone's choosing. */
	s = base(n++);
	path(s, evil, sizeof(evil) - 1);
	put("exe-path-hostile", s);
	for (size_t i = 0; i < 4000; i++)
		s->path[i] = "/\x1b\n\xff"
			     "a"[i % 5];
	s->plen = 4000;
	put("exe-path-long", s);
	s->h.flags |= FE_PRETTY;
	put("exe-path-long-pretty", s);
	free(s);

	/* Records of another size than struct ld_event. */
	s = base(n++);
	s->h.record_size = sizeof(struct ld_event) - 1;
	put("record-short", s);
	s->h.record_size = sizeof(struct ld_event) + 16;
	put("record-long", s);
	free(s);

	/* Times and counters at their limits; the kernel's level out of range. */
	s = base(n++);
	s->e.ts_ns = UINT64_MAX;
	s->h.mono_to_real = INT64_MAX;
	s->meta[0].applied_ns = UINT64_MAX;
	for (unsigned int k = 0; k < 4; k++)
		memset(&s->pins.counters[k], 0xff, sizeof(s->pins.counters[k]));
	s->h.level = 2;
	s->h.flags |= FE_SEALED;
	put("extremes", s);
	s->h.mono_to_real = INT64_MIN;
	s->e.ts_ns = 0;
	s->h.level = -1;
	s->h.cut = 1;
	put("extremes-negative", s);
	free(s);

	/* The pins of another lockdown: its ABI stamp, the stamp's layout, a map's shape. */
	s = base(n++);
	s->pins.stamp.version = 103;
	put("pins-other-abi", s);
	s->pins.stamp.magic = 0;
	put("pins-no-stamp", s);
	free(s);
	for (unsigned int i = 0; i < NMAPS; i++) {
		char name[64];

		s = base(i);
		s->pins.value_size +=
			i == 0 ? 0 : 8; /* the abi map keeps its shape: others change */
		s->pins.max_entries += i == 0 ? 1 : 0;
		snprintf(name, sizeof(name), "pins-%s-other-shape", pinned_maps[i].name);
		put(name, s);
		free(s);
	}

	/* A process of this machine, its executable still the file the record names. */
	if (argc == 3) {
		char link[64];
		struct stat st;

		s = base(n++);
		s->e.pid = s->e.tid = (__u32)strtoul(argv[2], NULL, 10);
		snprintf(link, sizeof(link), "/proc/%u/exe", s->e.pid);
		if (stat(link, &st) == 0) {
			s->e.exe_dev = ld_kdev_of(st.st_dev);
			s->e.exe_ino = st.st_ino;
			put("this-machine", s);
		}
		free(s);
	}
	return 0;
}
