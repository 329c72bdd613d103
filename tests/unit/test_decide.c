// SPDX-License-Identifier: GPL-2.0-only
/*
 * ld_decide(), the decision function the BPF program and `lockdown explain` share.
 * Precedence is checked exhaustively against a reference written here from the documented
 * rule (executable > cgroup > uid > host > default), over every combination of matches.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "decide.h"

/* Rules of the test policy: each gives reason R a different action pattern. */
enum { R_DEFAULT = 0, R_EXE = 1, R_CG = 2, R_UID = 3, R_HOST = 4, NRULES = 5 };
#define REASON 7

static void policy(struct ld_policy *p, __u32 mode, __u16 host_rule)
{
	memset(p, 0, sizeof(*p));
	p->mode = mode;
	p->nrules = NRULES;
	p->host_rule = host_rule;
	p->rate_limit = 100;
	/* Reason REASON: default deny, exe allow, cgroup audit, uid deny, host allow. */
	p->action[R_DEFAULT][REASON] = LD_ACT_DENY;
	p->action[R_EXE][REASON] = LD_ACT_ALLOW;
	p->action[R_CG][REASON] = LD_ACT_AUDIT;
	p->action[R_UID][REASON] = LD_ACT_DENY;
	p->action[R_HOST][REASON] = LD_ACT_ALLOW;
	/* Reason REASON+1 marks the rule: action = rule % 3, so rows differ from each other. */
	for (int r = 0; r < NRULES; r++)
		p->action[r][REASON + 1] = (__u8)(r % 3);
}

/* The documented precedence, written independently of decide.h. */
static void reference(const struct ld_policy *p, const struct ld_subject_rules *s, __u32 *rule,
		      __u8 *match)
{
	if (s->exe != LD_RULE_NONE) {
		*rule = s->exe, *match = LD_MATCH_EXE;
		return;
	}
	if (s->cgroup != LD_RULE_NONE) {
		*rule = s->cgroup, *match = LD_MATCH_CGROUP;
		return;
	}
	if (s->uid != LD_RULE_NONE) {
		*rule = s->uid, *match = LD_MATCH_UID;
		return;
	}
	if (s->host && p->host_rule != LD_RULE_NONE) {
		*rule = p->host_rule, *match = LD_MATCH_HOST;
		return;
	}
	*rule = 0, *match = LD_MATCH_DEFAULT;
}

static __u8 expected_outcome(__u8 action, __u32 mode)
{
	if (action == LD_ACT_DENY)
		return mode == LD_MODE_AUDIT ? LD_OUT_AUDITED : LD_OUT_DENIED;
	return action == LD_ACT_AUDIT ? LD_OUT_AUDITED : LD_OUT_ALLOWED;
}

static void test_precedence_exhaustive(void **state)
{
	struct ld_policy p;
	unsigned int seen[5] = { 0 };
	(void)state;

	for (int mode = 0; mode < 2; mode++) {
		for (int hr = 0; hr < 2; hr++) {
			policy(&p, (__u32)mode, hr ? R_HOST : LD_RULE_NONE);
			for (int bits = 0; bits < 16; bits++) {
				struct ld_subject_rules s = {
					.exe = bits & 1 ? R_EXE : LD_RULE_NONE,
					.cgroup = bits & 2 ? R_CG : LD_RULE_NONE,
					.uid = bits & 4 ? R_UID : LD_RULE_NONE,
					.host = bits & 8 ? 1 : 0,
				};
				__u32 rule;
				__u8 match;

				reference(&p, &s, &rule, &match);
				for (__u32 reason = REASON; reason <= REASON + 1; reason++) {
					struct ld_verdict v = ld_decide(&p, reason, &s);
					__u8 act = p.action[rule][reason];

					assert_int_equal(v.rule, rule);
					assert_int_equal(v.match, match);
					assert_int_equal(v.action, act);
					assert_int_equal(v.outcome, expected_outcome(act, p.mode));
					assert_int_equal(v.would_deny,
							 act == LD_ACT_DENY &&
								 p.mode == LD_MODE_AUDIT);
					assert_int_equal(
						v.ret, v.outcome == LD_OUT_DENIED ? -LD_EPERM : 0);
				}
				seen[match]++;
			}
		}
	}
	/* Every level won somewhere: the loop really covered the precedence ladder. */
	for (int m = 0; m < 5; m++)
		assert_true(seen[m] > 0);
}

static void test_each_level_beats_the_next(void **state)
{
	struct ld_policy p;
	struct ld_subject_rules s = { LD_RULE_NONE, LD_RULE_NONE, LD_RULE_NONE, 0 };
	(void)state;

	policy(&p, LD_MODE_ENFORCE, R_HOST);
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_DENIED); /* default */
	s.host = 1;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_ALLOWED); /* host */
	s.uid = R_UID;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_DENIED); /* uid > host */
	s.cgroup = R_CG;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_AUDITED); /* cgroup > uid */
	s.exe = R_EXE;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_ALLOWED); /* exe > cgroup */
}

static void test_host_flag_without_host_rule(void **state)
{
	struct ld_policy p;
	struct ld_subject_rules s = { LD_RULE_NONE, LD_RULE_NONE, LD_RULE_NONE, 1 };
	struct ld_verdict v;
	(void)state;

	policy(&p, LD_MODE_ENFORCE, LD_RULE_NONE);
	v = ld_decide(&p, REASON, &s);
	assert_int_equal(v.match, LD_MATCH_DEFAULT);
	assert_int_equal(v.rule, 0);
	assert_int_equal(v.outcome, LD_OUT_DENIED);
}

static void test_audit_mode(void **state)
{
	struct ld_policy p;
	struct ld_subject_rules s = { LD_RULE_NONE, LD_RULE_NONE, LD_RULE_NONE, 0 };
	struct ld_verdict v;
	(void)state;

	policy(&p, LD_MODE_AUDIT, LD_RULE_NONE);
	v = ld_decide(&p, REASON, &s); /* default: deny */
	assert_int_equal(v.action, LD_ACT_DENY);
	assert_int_equal(v.outcome, LD_OUT_AUDITED);
	assert_int_equal(v.would_deny, 1);
	assert_int_equal(v.ret, 0);
	s.cgroup = R_CG; /* audit action: audited, not a would-deny */
	v = ld_decide(&p, REASON, &s);
	assert_int_equal(v.outcome, LD_OUT_AUDITED);
	assert_int_equal(v.would_deny, 0);
	s.cgroup = LD_RULE_NONE;
	s.exe = R_EXE; /* allow stays a silent allow */
	v = ld_decide(&p, REASON, &s);
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);
	assert_int_equal(v.would_deny, 0);
	/* The same deny in enforce mode. */
	p.mode = LD_MODE_ENFORCE;
	s.exe = LD_RULE_NONE;
	v = ld_decide(&p, REASON, &s);
	assert_int_equal(v.outcome, LD_OUT_DENIED);
	assert_int_equal(v.ret, -1);
	assert_int_equal(v.would_deny, 0);
}

static void test_fail_open_out_of_range(void **state)
{
	struct ld_policy p;
	struct ld_subject_rules s = { LD_RULE_NONE, LD_RULE_NONE, LD_RULE_NONE, 0 };
	struct ld_verdict v;
	(void)state;

	policy(&p, LD_MODE_ENFORCE, LD_RULE_NONE);
	for (int r = 0; r < LD_RULES; r++)
		for (int k = 0; k < LD_REASONS; k++)
			p.action[r][k] = LD_ACT_DENY; /* deny everywhere, even past nrules */

	/* A rule index past nrules (but inside the table) allows. */
	s.exe = NRULES;
	v = ld_decide(&p, REASON, &s);
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);
	assert_int_equal(v.action, LD_ACT_ALLOW);
	assert_int_equal(v.ret, 0);
	/* A rule index past the table allows. */
	s.exe = LD_RULES + 3;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_ALLOWED);
	/* The last row inside nrules is still enforced. */
	s.exe = NRULES - 1;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_DENIED);
	/* A reason number past the table allows; the last slot is enforced. */
	s.exe = LD_RULE_NONE;
	assert_int_equal(ld_decide(&p, LD_REASONS, &s).outcome, LD_OUT_ALLOWED);
	assert_int_equal(ld_decide(&p, 0xffffffffu, &s).outcome, LD_OUT_ALLOWED);
	assert_int_equal(ld_decide(&p, LD_REASONS - 1, &s).outcome, LD_OUT_DENIED);
	/* nrules 0 (an empty table) allows everything. */
	p.nrules = 0;
	assert_int_equal(ld_decide(&p, REASON, &s).outcome, LD_OUT_ALLOWED);
}

static void test_unknown_action_value_allows(void **state)
{
	struct ld_policy p;
	struct ld_subject_rules s = { LD_RULE_NONE, LD_RULE_NONE, LD_RULE_NONE, 0 };
	struct ld_verdict v;
	(void)state;

	policy(&p, LD_MODE_ENFORCE, LD_RULE_NONE);
	p.action[0][REASON] = 7;
	v = ld_decide(&p, REASON, &s);
	assert_int_equal(v.action, LD_ACT_ALLOW);
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);
	assert_int_equal(v.ret, 0);
}

static void test_zero_policy_allows_everything(void **state)
{
	struct ld_policy p;
	struct ld_subject_rules s = { LD_RULE_NONE, LD_RULE_NONE, LD_RULE_NONE, 1 };
	(void)state;

	memset(&p, 0, sizeof(p));
	p.nrules = 1;
	p.host_rule = LD_RULE_NONE;
	for (__u32 k = 0; k < LD_REASONS; k++) {
		struct ld_verdict v = ld_decide(&p, k, &s);

		assert_int_equal(v.outcome, LD_OUT_ALLOWED);
		assert_int_equal(v.match, LD_MATCH_DEFAULT);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precedence_exhaustive),
		cmocka_unit_test(test_each_level_beats_the_next),
		cmocka_unit_test(test_host_flag_without_host_rule),
		cmocka_unit_test(test_audit_mode),
		cmocka_unit_test(test_fail_open_out_of_range),
		cmocka_unit_test(test_unknown_action_value_allows),
		cmocka_unit_test(test_zero_policy_allows_everything),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
