// SPDX-License-Identifier: GPL-2.0-only
/*
 * learn and replay on recorded events: records read back from `lockdown events -j` lines,
 * the learned policy (sections, reasons, comments, order, what is reported instead), and a
 * replay's verdicts through ld_decide().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernels.h"
#include "learn/learn.h"
#include "mountinfo.h"
#include "policy/policy.h"

static struct ld_reasons rs;
static char dir[] = "/tmp/ld-learn-XXXXXX";
static char agent[256], tool[256];

static int setup(void **state)
{
	char btf[300];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(btf, sizeof(btf), "%s/btf", dir);
	ld_test_load_kernel(btf, &ld_test_k61, &rs);
	snprintf(agent, sizeof(agent), "%s/agent", dir);
	snprintf(tool, sizeof(tool), "%s/tool", dir);
	for (int i = 0; i < 2; i++) {
		f = fopen(i ? tool : agent, "w");
		assert_non_null(f);
		fprintf(f, "#!/bin/true %d\n", i);
		fclose(f);
		chmod(i ? tool : agent, 0755);
	}
	return 0;
}

static int teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A `lockdown events -j` line for a call by the file at path (its real identity). */
static char *event(const char *path, bool with_path, const char *reason, const char *outcome,
		   const char *time)
{
	struct ld_mounts ms = { 0 };
	__u64 dev, ino;
	unsigned int mode;
	const char *name = strrchr(path, '/') + 1;
	char *line;

	assert_int_equal(ld_path_identity(&ms, path, &dev, &ino, &mode), 0);
	ld_mounts_free(&ms);
	assert_true(asprintf(&line,
			     "{\"time\":\"%s\",\"kind\":\"reason\",\"action\":\"audit\","
			     "\"outcome\":\"%s\",\"reason\":\"%s\",\"pid\":42,\"comm\":\"%s\","
			     "\"exe\":%s%s%s,\"exe_name\":\"%s\",\"exe_dev\":\"%llu:%llu\","
			     "\"exe_ino\":%llu,\"uid\":0,\"cgroup\":1,\"host\":true,"
			     "\"kernel_thread\":false}\n",
			     time, outcome, reason, name, with_path ? "\"" : "",
			     with_path ? path : "null", with_path ? "\"" : "", name, dev >> 20,
			     dev & 0xfffff, ino) > 0);
	return line;
}

static int add_learn(const struct ld_rec *r, void *arg)
{
	return ld_learner_add(arg, r);
}

static int add_replay(const struct ld_rec *r, void *arg)
{
	return ld_replay_add(arg, r);
}

static char *learn(const char *events, const char *base, char **report)
{
	struct ld_learn_opts o = { .base = base, .by = LD_LEARN_BY_EXE, .source = "test" };
	struct ld_learner *l = ld_learner_new(&rs, &o);
	FILE *in = fmemopen((void *)events, strlen(events), "r");
	char *out = NULL, why[256];
	size_t outlen = 0, replen = 0;
	FILE *mem = open_memstream(&out, &outlen), *rep = open_memstream(report, &replen);

	assert_non_null(l);
	assert_int_equal(ld_recs_read(in, "events", add_learn, l, why, sizeof(why)), 0);
	assert_true(ld_learner_write(l, mem, rep) >= 0);
	fclose(in);
	fclose(mem);
	fclose(rep);
	ld_learner_free(l);
	return out;
}

static void test_records(void **state)
{
	struct json_object *o;
	struct ld_rec r;
	char why[128];

	(void)state;
	o = json_tokener_parse("{\"kind\":\"tamper\",\"tamper\":\"unlink\"}");
	assert_int_equal(ld_rec_from_json(o, &r, why, sizeof(why)), 0);
	json_object_put(o);
	o = json_tokener_parse("{\"time\":\"x\"}");
	assert_int_equal(ld_rec_from_json(o, &r, why, sizeof(why)), -1);
	json_object_put(o);
	/* Escaped outside text comes back as it was; the old name of bpf_read_kernel too. */
	o = json_tokener_parse(
		"{\"kind\":\"reason\",\"reason\":\"bpf_read\",\"outcome\":\"audited\","
		"\"exe\":\"/a\\\\x0ab\\\\\\\\c\",\"exe_dev\":\"8:1\",\"exe_ino\":7}");
	assert_int_equal(ld_rec_from_json(o, &r, why, sizeof(why)), 1);
	assert_string_equal(r.exe, "/a\nb\\c");
	assert_string_equal(r.reason, "bpf_read_kernel");
	assert_int_equal(r.exe_dev, (8ULL << 20) | 1);
	json_object_put(o);
}

static void test_malformed_lines(void **state)
{
	static const char text[] =
		"\n{\"kind\":\"reason\",\"reason\":\"perf\",\"outcome\":\"audited\"}\nnot json\n";
	struct ld_learn_opts o = { .base = "all", .source = "t" };
	struct ld_learner *l = ld_learner_new(&rs, &o);
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	char why[256];

	(void)state;
	assert_int_equal(ld_recs_read(in, "ev.json", add_learn, l, why, sizeof(why)), -EINVAL);
	assert_non_null(strstr(why, "ev.json:3: not JSON"));
	fclose(in);
	ld_learner_free(l);
}

static void test_learn_policy(void **state)
{
	char *ev[6], *all, *out, *out2, *report;
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	size_t n = 0;

	(void)state;
	ev[n++] = event(agent, true, "perf", "audited", "2026-01-01T10:00:00Z");
	ev[n++] = event(agent, true, "kprobes", "audited", "2026-01-01T11:00:00Z");
	ev[n++] = event(agent, false, "perf", "audited", "2026-01-01T12:00:00Z"); /* name only */
	ev[n++] = event(tool, false, "dev_mem", "audited", "2026-01-02T10:00:00Z");
	ev[n++] = strdup(
		"{\"time\":\"2026-01-01T09:00:00Z\",\"kind\":\"reason\",\"outcome\":\"audited\","
		"\"reason\":\"tracefs\",\"kernel_thread\":true}\n");
	ev[n++] = strdup(
		"{\"time\":\"2026-01-01T09:30:00Z\",\"kind\":\"reason\",\"outcome\":\"audited\","
		"\"reason\":\"kcore\",\"exe_name\":\"gone\",\"exe_dev\":\"0:99\",\"exe_ino\":"
		"123456}\n");
	assert_true(asprintf(&all, "%s%s%s%s%s%s", ev[0], ev[1], ev[2], ev[3], ev[4], ev[5]) > 0);
	out = learn(all, "all", &report);

	/* Deny everything, and each executable just what it used, with counts and times. */
	assert_non_null(strstr(out, "[Policy]\nDeny=all\n"));
	assert_non_null(strstr(out, "[agent]\nExecutable="));
	assert_non_null(strstr(out, "Allow=kprobes # 1 calls, first 2026-01-01T11:00:00Z, last "
				    "2026-01-01T11:00:00Z\nAllow=perf # 2 calls, first "
				    "2026-01-01T10:00:00Z, last 2026-01-01T12:00:00Z\n"));
	/* Known by name only: found beside the other executable. */
	assert_non_null(strstr(out, "[tool]\nExecutable="));
	assert_non_null(strstr(out, "Allow=dev_mem # 1 calls"));
	assert_true(strstr(out, "[agent]") < strstr(out, "[tool]")); /* sorted by path */
	/* Reported instead of turned into rules. */
	assert_null(strstr(out, "tracefs"));
	assert_null(strstr(out, "kcore"));
	assert_non_null(strstr(
		report, "kernel threads (or tasks without an executable) used tracefs 1 times"));
	assert_non_null(strstr(report, "executable gone (0:99:123456) no longer exists"));
	/* It compiles, and the same events give the same file. */
	assert_int_equal(ld_policy_compile_buffer("learned", out, strlen(out), &rs, NULL, &c, &d),
			 0);
	assert_int_equal(c.nexes, 2);
	ld_compiled_free(&c);
	ld_diag_free(&d);
	free(report);
	out2 = learn(all, "all", &report);
	assert_string_equal(out, out2);
	free(out2);
	free(report);
	/* With --base integrity, what the base does not deny needs no rule. */
	out2 = learn(all, "integrity", &report);
	assert_non_null(strstr(out2, "Deny=integrity"));
	assert_null(strstr(out2, "[agent]"));
	assert_non_null(strstr(out2, "[tool]"));
	free(out2);
	free(report);
	free(out);
	free(all);
	for (size_t i = 0; i < n; i++)
		free(ev[i]);
}

static void test_replay(void **state)
{
	char policy[600], *ev[3], *all, *text = NULL;
	size_t len = 0;
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	struct ld_replay *rp;
	FILE *in, *out;
	char why[256];

	(void)state;
	snprintf(policy, sizeof(policy), "[Policy]\nDeny=all\n[agent]\nExecutable=%s\nAllow=perf\n",
		 agent);
	assert_int_equal(ld_policy_compile_buffer("p", policy, strlen(policy), &rs, NULL, &c, &d),
			 0);
	ev[0] = event(agent, true, "perf", "audited", "t1");	/* allowed by [agent] */
	ev[1] = event(agent, true, "kprobes", "audited", "t2"); /* newly denied */
	ev[2] = event(tool, true, "dev_mem", "denied", "t3");	/* denied then too */
	assert_true(asprintf(&all, "%s%s%s", ev[0], ev[1], ev[2]) > 0);
	rp = ld_replay_new(&c, &rs);
	in = fmemopen(all, strlen(all), "r");
	assert_int_equal(ld_recs_read(in, "e", add_replay, rp, why, sizeof(why)), 0);
	out = open_memstream(&text, &len);
	assert_int_equal(ld_replay_report(rp, out, false), 1);
	fclose(out);
	assert_non_null(strstr(text, "1 calls allowed then would be denied:"));
	assert_non_null(strstr(text, " t2 kprobes pid=42 comm=agent exe="));
	assert_non_null(strstr(text, "rule=agent")); /* the executable's rule denies it */
	fclose(in);
	free(text);
	ld_replay_free(rp);
	ld_compiled_free(&c);
	ld_diag_free(&d);
	free(all);
	for (int i = 0; i < 3; i++)
		free(ev[i]);
}

/*
 * A module loaded from a file: the record keeps its identity; learn makes no exemption of the
 * loader for it (a file it cannot find is reported); replay decides it by the Module= rule.
 */
static void test_objects(void **state)
{
	char line[900], policy[700], *out, *report, *text = NULL, why[256], *ev;
	struct json_object *o;
	struct ld_mounts ms = { 0 };
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	struct ld_replay *rp;
	struct ld_rec r;
	__u64 dev, ino;
	unsigned int mode;
	size_t len = 0;
	FILE *in, *mem;

	(void)state;
	assert_int_equal(ld_path_identity(&ms, tool, &dev, &ino, &mode), 0);
	ld_mounts_free(&ms);
	/* tool's own file stands for the module: loaded by agent. */
	ev = event(agent, true, "module_signature", "audited", "t1");
	snprintf(line, sizeof(line),
		 "%.*s,\"object\":{\"name\":\"tool\",\"dev\":\"%llu:%llu\","
		 "\"ino\":%llu}}\n",
		 (int)(strrchr(ev, '}') - ev), ev, dev >> 20, dev & 0xfffff, ino);
	free(ev);
	o = json_tokener_parse(line);
	assert_non_null(o);
	assert_int_equal(ld_rec_from_json(o, &r, why, sizeof(why)), 1);
	assert_true(r.has_obj);
	assert_int_equal(r.obj_dev, dev);
	assert_int_equal(r.obj_ino, ino);
	assert_string_equal(r.obj_name, "tool");
	json_object_put(o);
	o = json_tokener_parse("{\"kind\":\"reason\",\"reason\":\"kexec\",\"outcome\":\"denied\","
			       "\"object\":{\"name\":\"x\"}}");
	assert_int_equal(ld_rec_from_json(o, &r, why, sizeof(why)), -1);
	json_object_put(o);

	/* Not under /lib/modules: reported, and the loader is not exempted instead. */
	out = learn(line, "integrity", &report);
	assert_null(strstr(out, "Executable="));
	assert_null(strstr(out, "module_signature"));
	assert_non_null(strstr(report, "module tool ("));
	assert_non_null(strstr(report, "was not found under /lib/modules"));
	free(out);
	free(report);

	/* Replay: a Module= rule for the file allows it, for any loader. */
	snprintf(policy, sizeof(policy),
		 "[Policy]\nDeny=integrity\n[m]\nModule=%s\nAllow=module_signature\n", tool);
	assert_int_equal(ld_policy_compile_buffer("p", policy, strlen(policy), &rs, NULL, &c, &d),
			 0);
	rp = ld_replay_new(&c, &rs);
	in = fmemopen(line, strlen(line), "r");
	assert_int_equal(ld_recs_read(in, "e", add_replay, rp, why, sizeof(why)), 0);
	mem = open_memstream(&text, &len);
	assert_int_equal(ld_replay_report(rp, mem, false), 0);
	fclose(mem);
	assert_null(strstr(text, "would be denied:"));
	fclose(in);
	free(text);
	ld_replay_free(rp);
	ld_compiled_free(&c);
	ld_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),	     cmocka_unit_test(test_malformed_lines),
		cmocka_unit_test(test_learn_policy), cmocka_unit_test(test_replay),
		cmocka_unit_test(test_objects),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
