// SPDX-License-Identifier: GPL-2.0-only
/*
 * The enforcer's pure parts: counter summing, the metadata stored beside the tables, device
 * number encoding, and event rendering (text lines and JSON) from raw ring-buffer records.
 */
#include <bpf/bpf.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "enforcer/enforcer.h"

/* A kernel with three reasons, numbered as on 6.1. */
static void fake_reasons(struct ld_reasons *rs)
{
	memset(rs, 0, sizeof(*rs));
	rs->r[0] = (struct ld_reason){ .number = 2,
				       .name = "dev_mem",
				       .kernel_name = "dev_mem",
				       .class = LD_CLASS_INTEGRITY,
				       .description = "/dev/mem,kmem,port" };
	rs->r[1] = (struct ld_reason){ .number = 5,
				       .name = "hibernation",
				       .kernel_name = "hibernation",
				       .class = LD_CLASS_INTEGRITY,
				       .description = "hibernation" };
	rs->r[2] = (struct ld_reason){ .number = 27,
				       .name = "tracefs",
				       .kernel_name = "tracefs",
				       .class = LD_CLASS_CONFIDENTIALITY,
				       .description = "use of tracefs" };
	rs->count = 3;
}

static void fake_meta(struct ld_meta *m, unsigned int gen, const char *source, const char *rule1)
{
	struct ld_compiled c;

	memset(&c, 0, sizeof(c));
	c.pol.nrules = 2;
	c.pol.mode = LD_MODE_ENFORCE;
	c.pol.digest[0] = 0xab;
	snprintf(c.rule_names[0], sizeof(c.rule_names[0]), "default");
	snprintf(c.rule_names[1], sizeof(c.rule_names[1]), "%s", rule1);
	snprintf(c.source, sizeof(c.source), "%s", source);
	c.nexes = 3;
	ld_meta_from_compiled(&c, gen, 1000, m);
}

static struct ld_event deny_event(void)
{
	struct ld_event e;

	memset(&e, 0, sizeof(e));
	e.ts_ns = 5000000000ULL;
	e.cgroup_id = 1;
	e.exe_dev = (0ULL << 20) | 2;
	e.exe_ino = 140;
	e.pid = 412;
	e.tid = 413;
	e.uid = 0;
	e.reason = 2;
	e.rule = 0;
	e.action = LD_ACT_DENY;
	e.outcome = LD_OUT_DENIED;
	e.match = LD_MATCH_DEFAULT;
	e.flags = LD_EV_HOST;
	memcpy(e.comm, "cat", 4);
	memcpy(e.pcomm, "sh", 3);
	return e;
}

static void test_counters_sum(void **state)
{
	struct ld_counters cpu[3], sum;
	static struct ld_counters per[LD_SLOTS];
	struct ld_counters total;

	(void)state;
	memset(cpu, 0, sizeof(cpu));
	for (int i = 0; i < 3; i++) {
		cpu[i].outcome[LD_OUT_ALLOWED] = 1 + i;
		cpu[i].outcome[LD_OUT_AUDITED] = 10 * (i + 1);
		cpu[i].outcome[LD_OUT_DENIED] = 100;
		cpu[i].events = 7;
		cpu[i].ratelimited = (__u64)i;
		cpu[i].dropped = i == 2 ? 5 : 0;
	}
	ld_counters_sum(cpu, 3, &sum);
	assert_int_equal(sum.outcome[LD_OUT_ALLOWED], 6);
	assert_int_equal(sum.outcome[LD_OUT_AUDITED], 60);
	assert_int_equal(sum.outcome[LD_OUT_DENIED], 300);
	assert_int_equal(sum.events, 21);
	assert_int_equal(sum.ratelimited, 3);
	assert_int_equal(sum.dropped, 5);
	/* Only the CPUs asked for. */
	ld_counters_sum(cpu, 1, &sum);
	assert_int_equal(sum.outcome[LD_OUT_ALLOWED], 1);

	memset(per, 0, sizeof(per));
	per[2].outcome[LD_OUT_DENIED] = 4;
	per[LD_REASONS - 1].outcome[LD_OUT_DENIED] = 1;
	per[5].events = 9;
	per[LD_REASONS].outcome[LD_OUT_DENIED] = 1000; /* a tamper slot: not a reason */
	ld_counters_total(per, &total);
	assert_int_equal(total.outcome[LD_OUT_DENIED], 5);
	assert_int_equal(total.events, 9);
}

static void test_meta(void **state)
{
	struct ld_meta m;
	char buf[4 * LD_META_NAME_LEN + 1];

	(void)state;
	fake_meta(&m, 3, "profile:desktop", "tools");
	assert_int_equal(m.magic, LD_META_MAGIC);
	assert_int_equal(m.gen, 3);
	assert_int_equal(m.nrules, 2);
	assert_int_equal(m.nexes, 3);
	assert_int_equal(m.applied_ns, 1000);
	assert_int_equal(m.digest[0], 0xab);
	assert_string_equal(m.source, "profile:desktop");
	assert_string_equal(ld_meta_rule_name(&m, 0, buf, sizeof(buf)), "default");
	assert_string_equal(ld_meta_rule_name(&m, 1, buf, sizeof(buf)), "tools");
	assert_null(ld_meta_rule_name(&m, 2, buf, sizeof(buf)));	/* beyond the rules */
	assert_null(ld_meta_rule_name(&m, LD_RULES, buf, sizeof(buf))); /* beyond the table */
	assert_null(ld_meta_rule_name(NULL, 0, buf, sizeof(buf)));
	m.magic = 0; /* an entry never written */
	assert_null(ld_meta_rule_name(&m, 0, buf, sizeof(buf)));
}

/*
 * Pinned metadata is state anyone with root (or another version) can write: a rule name that
 * fills its 48 bytes without a NUL, or holds control bytes, is read within its bounds and
 * escaped (under ASan, an over-read here fails the test).
 */
static void test_meta_hostile_names(void **state)
{
	struct ld_meta *m = malloc(sizeof(*m)); /* heap: ASan sees a read past the entry */
	char buf[4 * LD_META_NAME_LEN + 1];
	struct ld_reasons rs;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs };
	char line[1024];

	(void)state;
	assert_non_null(m);
	fake_reasons(&rs);
	fake_meta(m, 0, "a.conf", "tools");
	memset(m->rule_names[LD_RULES - 1], 'x', LD_META_NAME_LEN);
	m->nrules = LD_RULES;
	assert_int_equal(strlen(ld_meta_rule_name(m, LD_RULES - 1, buf, sizeof(buf))),
			 LD_META_NAME_LEN);
	memcpy(m->rule_names[1], "a\nlockdown: deny\x1b[2J", sizeof("a\nlockdown: deny\x1b[2J"));
	ld_meta_rule_name(m, 1, buf, sizeof(buf));
	assert_string_equal(buf, "a\\x0alockdown:\\x20deny\\x1b[2J");
	ctx.meta[0] = m;
	e.rule = 1;
	ld_event_text(&e, &ctx, line, sizeof(line));
	assert_null(strchr(line, '\n'));
	assert_null(strchr(line, 0x1b));
	free(m);
}

/*
 * A pinned `meta` entry whose source does not end within its bytes was not written by this
 * format: ld_pinned_meta() refuses it, as status and the stale exemptions use the source as a
 * C string (such an entry was read past its end). Needs a BPF array map: skipped where this
 * process may not create one.
 */
static void test_pinned_meta_unterminated_source(void **state)
{
	struct ld_meta *m = malloc(sizeof(*m)), back;
	struct ld_pinned p;
	__u32 key = 1;
	int fd;

	(void)state;
	assert_non_null(m);
	fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "meta", sizeof(key), sizeof(*m), LD_GENS, NULL);
	if (fd < 0) {
		free(m);
		skip();
	}
	memset(&p, 0xff, sizeof(p)); /* every descriptor -1 */
	p.meta = fd;
	fake_meta(m, 1, "/etc/lockdown/policy.conf", "tools");
	assert_int_equal(bpf_map_update_elem(fd, &key, m, BPF_ANY), 0);
	assert_int_equal(ld_pinned_meta(&p, 1, &back), 0);
	assert_string_equal(back.source, "/etc/lockdown/policy.conf");
	/* Source and every rule name without a NUL: strlen() would run off the entry. */
	memset(m->source, 'x', sizeof(m->source));
	memset(m->rule_names, 'y', sizeof(m->rule_names));
	assert_int_equal(bpf_map_update_elem(fd, &key, m, BPF_ANY), 0);
	assert_int_equal(ld_pinned_meta(&p, 1, &back), -ENODATA);
	/* A source that ends in its last byte is whole; a name without a NUL is read in bounds. */
	m->source[sizeof(m->source) - 1] = '\0';
	assert_int_equal(bpf_map_update_elem(fd, &key, m, BPF_ANY), 0);
	assert_int_equal(ld_pinned_meta(&p, 1, &back), 0);
	assert_int_equal(strlen(back.source), sizeof(back.source) - 1);
	m->magic = 0; /* a set never written */
	assert_int_equal(bpf_map_update_elem(fd, &key, m, BPF_ANY), 0);
	assert_int_equal(ld_pinned_meta(&p, 1, &back), -ENODATA);
	close(fd);
	free(m);
}

static void test_dev_encoding(void **state)
{
	(void)state;
	assert_int_equal(ld_kdev_of(makedev(8, 1)), (8ULL << 20) | 1);
	assert_int_equal(ld_kdev_of(makedev(259, 70000)), (259ULL << 20) | 70000);
	assert_int_equal(ld_kdev_major((253ULL << 20) | 3), 253);
	assert_int_equal(ld_kdev_minor((253ULL << 20) | 3), 3);
}

static void test_event_text(void **state)
{
	struct ld_reasons rs;
	struct ld_meta m0, m1;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs, .meta = { &m0, &m1 }, .exe_path = "/bin/cat" };
	char buf[512];

	(void)state;
	fake_reasons(&rs);
	fake_meta(&m0, 0, "a.conf", "tools");
	fake_meta(&m1, 1, "b.conf", "builders");

	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_string_equal(buf, "lockdown: deny dev_mem (/dev/mem,kmem,port) pid=412 comm=cat "
				 "exe=/bin/cat uid=0 cgroup=1 rule=default");

	/* Executable gone or replaced: the name the kernel saw, device and inode. Rule named
	 * from generation 1. */
	ctx.exe_path = NULL;
	e.rule = 1;
	e.gen = 1;
	memcpy(e.exe_name, "cat", 4);
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_string_equal(buf, "lockdown: deny dev_mem (/dev/mem,kmem,port) pid=412 comm=cat "
				 "exe=cat exe_id=0:2:140 uid=0 cgroup=1 rule=builders");
	/* No name either (a long name without probe reads): still the identity. */
	memset(e.exe_name, 0, sizeof(e.exe_name));
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, " exe=? exe_id=0:2:140 uid=0"));

	/* Audit mode: a would-deny. Unknown rule index: its number. */
	e.outcome = LD_OUT_AUDITED;
	e.flags |= LD_EV_WOULD_DENY;
	e.rule = 9;
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, "lockdown: would-deny dev_mem "));
	assert_non_null(strstr(buf, " rule=#9"));

	/* An audit rule, not a deny. */
	e.flags &= (__u16)~LD_EV_WOULD_DENY;
	e.action = LD_ACT_AUDIT;
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, "lockdown: audit dev_mem "));

	/* Kernel context: no executable, not the actor. Reason this kernel lacks: a number. */
	e = deny_event();
	e.flags = LD_EV_KTHREAD | LD_EV_NOT_ACTOR | LD_EV_NO_EXE;
	e.reason = 40;
	memcpy(e.comm, "kworker/0:1\n", 13); /* unprintable bytes never reach the line */
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_string_equal(buf, "lockdown: deny reason40 (?) pid=412 comm=kworker/0:1\\x0a "
				 "exe=none uid=0 cgroup=1 rule=default subject=kernel");

	/* comm filling all 16 bytes without a NUL. */
	e = deny_event();
	memcpy(e.comm, "0123456789abcdef", 16);
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, " comm=0123456789abcdef exe="));
}

static const char *jstr(struct json_object *o, const char *k)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, k, &v) || !v)
		return NULL;
	return json_object_get_string(v);
}

static int jbool(struct json_object *o, const char *k)
{
	struct json_object *v;

	assert_true(json_object_object_get_ex(o, k, &v));
	return json_object_get_boolean(v);
}

static void test_event_json(void **state)
{
	struct ld_reasons rs;
	struct ld_meta m0;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs, .meta = { &m0, NULL } };
	struct json_object *o;

	(void)state;
	fake_reasons(&rs);
	fake_meta(&m0, 0, "a.conf", "tools");
	/* Booted at 1 000 000 000 s of wall time: monotonic 5 s is 1 000 000 005 s. */
	ctx.mono_to_real_ns = 1000000000LL * 1000000000LL;
	e.reason = 27;
	e.rule = 1;
	e.match = LD_MATCH_EXE;
	e.mode = LD_MODE_AUDIT;
	e.outcome = LD_OUT_AUDITED;
	e.flags = LD_EV_WOULD_DENY | LD_EV_NOT_ACTOR;
	o = ld_event_json(&e, &ctx);
	assert_string_equal(jstr(o, "time"), "2001-09-09T01:46:45.000000000Z");
	assert_string_equal(jstr(o, "reason"), "tracefs");
	assert_string_equal(jstr(o, "class"), "confidentiality");
	assert_string_equal(jstr(o, "description"), "use of tracefs");
	assert_string_equal(jstr(o, "action"), "would-deny");
	assert_string_equal(jstr(o, "outcome"), "audited");
	assert_string_equal(jstr(o, "mode"), "audit");
	assert_string_equal(jstr(o, "rule"), "tools");
	assert_string_equal(jstr(o, "match"), "executable");
	assert_string_equal(jstr(o, "comm"), "cat");
	assert_string_equal(jstr(o, "parent_comm"), "sh");
	assert_string_equal(jstr(o, "exe_dev"), "0:2");
	assert_null(jstr(o, "exe")); /* no path resolved */
	assert_true(jbool(o, "would_deny"));
	assert_false(jbool(o, "subject_is_actor"));
	assert_false(jbool(o, "host"));
	json_object_put(o);

	/* No reasons (BTF unreadable) and no metadata: numbers and nulls, never a crash. */
	ctx.rs = NULL;
	ctx.meta[0] = NULL;
	e.flags = LD_EV_HOST;
	o = ld_event_json(&e, &ctx);
	assert_null(jstr(o, "reason"));
	assert_string_equal(jstr(o, "reason_number"), "27");
	assert_null(jstr(o, "rule"));
	assert_true(jbool(o, "subject_is_actor"));
	assert_true(jbool(o, "host"));
	json_object_put(o);
}

/*
 * Reloads reuse the two table sets: generation 2 overwrites the metadata of generation 0. An
 * event of generation 0 read after that must not take its rule name from generation 2.
 */
static void test_event_rule_across_reloads(void **state)
{
	struct ld_reasons rs;
	struct ld_meta m0, m1;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs, .meta = { &m0, &m1 } };
	const struct ld_meta *metas[LD_GENS] = { &m0, &m1 };
	struct json_object *o;
	char buf[512];

	(void)state;
	fake_reasons(&rs);
	fake_meta(&m0, 2, "c.conf", "newer"); /* set 0 now holds generation 2 */
	fake_meta(&m1, 1, "b.conf", "builders");
	e.rule = 1;
	e.gen = 0; /* decided by generation 0, whose rule 1 was not "newer" */
	assert_null(ld_event_meta(&e, metas));
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, " rule=#1"));
	o = ld_event_json(&e, &ctx);
	assert_null(jstr(o, "rule"));
	assert_string_equal(jstr(o, "rule_index"), "1");
	assert_string_equal(jstr(o, "generation"), "0");
	json_object_put(o);

	e.gen = 2;
	assert_ptr_equal(ld_event_meta(&e, metas), &m0);
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, " rule=newer"));
	e.gen = 3; /* applied after the metadata was read: the reader must refresh */
	assert_null(ld_event_meta(&e, metas));
	assert_null(ld_event_meta(&e, NULL));
}

/* A kernel thread: no executable, not the actor, and still a complete JSON record. */
static void test_event_kthread_json(void **state)
{
	struct ld_reasons rs;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs, .exe_path = "/should/not/appear" };
	struct json_object *o, *v;

	(void)state;
	fake_reasons(&rs);
	e.flags = LD_EV_KTHREAD | LD_EV_NOT_ACTOR | LD_EV_NO_EXE | LD_EV_HOST;
	memcpy(e.comm, "kworker/u4:2", 13);
	memcpy(e.pcomm, "kthreadd", 9);
	o = ld_event_json(&e, &ctx);
	assert_true(json_object_object_get_ex(o, "exe", &v));
	assert_null(v);
	assert_false(json_object_object_get_ex(o, "exe_dev", &v));
	assert_true(jbool(o, "kernel_thread"));
	assert_false(jbool(o, "subject_is_actor"));
	assert_string_equal(jstr(o, "comm"), "kworker/u4:2");
	assert_string_equal(jstr(o, "parent_comm"), "kthreadd");
	json_object_put(o);
}

/*
 * File names are anyone's: a path or name with a newline, tabs, spaces, escape sequences or
 * invalid UTF-8 can neither start a forged line nor break a field, and JSON stays valid UTF-8.
 */
static void test_event_hostile_exe(void **state)
{
	static const char evil[] = "/tmp/x\nlockdown: deny dev_mem pid=1\tA B\x1b]0;t\x07\xff\xc3";
	struct ld_reasons rs;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs, .exe_path = evil };
	struct json_object *o, *back;
	const char *js;
	char buf[2048];

	(void)state;
	fake_reasons(&rs);
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_null(strchr(buf, '\n'));
	assert_null(strchr(buf, '\t'));
	assert_null(strchr(buf, 0x1b));
	assert_null(strchr(buf, 0x07));
	for (const char *p = buf; *p; p++)
		assert_true(*p >= 0x20 && *p < 0x7f);
	/* One line, and the forged words are inside the exe field, not fields of their own. */
	assert_non_null(strstr(buf, " exe=/tmp/x\\x0alockdown:\\x20deny\\x20dev_mem\\x20pid=1"));
	assert_non_null(strstr(buf, "\\xff\\xc3 uid=0 "));

	/* The same through the kernel's recorded name (the process is gone). */
	ctx.exe_path = NULL;
	memcpy(e.exe_name, "a\nb c", 6);
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, " exe=a\\x0ab\\x20c exe_id="));

	/* JSON: parses back, valid UTF-8 kept, invalid bytes and controls escaped. */
	ctx.exe_path = "/opt/\xc3\xa9t\xc3\xa9/x\xff\n";
	o = ld_event_json(&e, &ctx);
	js = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
	back = json_tokener_parse(js);
	assert_non_null(back);
	assert_string_equal(jstr(back, "exe"), "/opt/\xc3\xa9t\xc3\xa9/x\\xff\\x0a");
	assert_string_equal(jstr(back, "exe_name"), "a\\x0ab c");
	json_object_put(back);
	json_object_put(o);
}

/* A sealed enforcer's refusals: their own text form and JSON, counted apart from reasons. */
static void test_tamper_event(void **state)
{
	struct ld_reasons rs;
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .rs = &rs, .exe_path = "/usr/bin/rm" };
	struct json_object *o;
	char buf[1024];

	(void)state;
	fake_reasons(&rs);
	e.kind = LD_EVK_TAMPER;
	e.reason = LD_TAMPER_UNLINK;
	e.obj_dev = (0ULL << 20) | 22;
	e.obj_ino = 1234;
	memcpy(e.comm, "rm", 3);
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_string_equal(buf, "lockdown: deny tamper unlink (removing a pin of the sealed "
				 "enforcer) pid=412 comm=rm exe=/usr/bin/rm uid=0 "
				 "target=0:22:1234");
	e.reason = LD_TAMPER_MAP_WRITE;
	e.obj_dev = 0;
	e.obj_ino = 77;
	ld_event_text(&e, &ctx, buf, sizeof(buf));
	assert_non_null(strstr(buf, "lockdown: deny tamper map-write ("));
	assert_non_null(strstr(buf, " map=77"));
	o = ld_event_json(&e, &ctx);
	assert_string_equal(jstr(o, "kind"), "tamper");
	assert_string_equal(jstr(o, "tamper"), "map-write");
	assert_string_equal(jstr(o, "outcome"), "denied");
	assert_string_equal(jstr(o, "target"), "77");
	assert_null(jstr(o, "reason")); /* not a lockdown reason, even with reasons loaded */
	json_object_put(o);
	for (unsigned int k = 0; k < LD_TAMPER_KINDS; k++)
		assert_string_not_equal(ld_tamper_name(k), "?");
	assert_string_equal(ld_tamper_name(LD_TAMPER_KINDS), "?");
}

/* A forged timestamp cannot overflow the conversion to wall time (UBSan would fail it). */
static void test_event_time_overflow(void **state)
{
	struct ld_event e = deny_event();
	struct ld_event_ctx ctx = { .mono_to_real_ns = INT64_MAX };
	struct json_object *o;

	(void)state;
	e.ts_ns = UINT64_MAX;
	o = ld_event_json(&e, &ctx);
	assert_non_null(jstr(o, "time"));
	json_object_put(o);
}

/*
 * The host test both program variants use: anything the program could not read means "not
 * host" (a failed pid-namespace read used to mean level 0, the host, on the 5.10 variant).
 */
static void test_is_host(void **state)
{
	const __u32 init = 4026531840u;

	(void)state;
	assert_true(ld_is_host(1, 0, init, init));
	assert_false(ld_is_host(0, 0, init, init));	/* pid namespace unreadable */
	assert_false(ld_is_host(1, 1, init, init));	/* a child pid namespace */
	assert_false(ld_is_host(1, 0, 0, init));	/* net namespace unreadable */
	assert_false(ld_is_host(1, 0, init + 1, init)); /* another net namespace */
	assert_false(ld_is_host(1, 0, 0, 0));		/* the loader gave no initial netns */
}

static void test_format_time(void **state)
{
	char buf[64];

	(void)state;
	ld_format_time(1000000005ULL, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01T00:00:01.000000005Z");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counters_sum),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_meta_hostile_names),
		cmocka_unit_test(test_pinned_meta_unterminated_source),
		cmocka_unit_test(test_dev_encoding),
		cmocka_unit_test(test_event_text),
		cmocka_unit_test(test_event_json),
		cmocka_unit_test(test_event_rule_across_reloads),
		cmocka_unit_test(test_event_kthread_json),
		cmocka_unit_test(test_event_hostile_exe),
		cmocka_unit_test(test_tamper_event),
		cmocka_unit_test(test_event_time_overflow),
		cmocka_unit_test(test_is_host),
		cmocka_unit_test(test_format_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
