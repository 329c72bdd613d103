// SPDX-License-Identifier: GPL-2.0-only
/*
 * The policy compiler's first pass (the second is build.c). inih (its public interface only)
 * reads the file line by line through our own reader, which is the lexer: it checks every
 * line (length, text), counts lines, handles comments and section headers (to catch
 * duplicate, empty and malformed sections) and hands inih one "Key=" line per key. Each key
 * is checked and resolved at once (reason names against the running kernel, paths through
 * stat()) into the intermediate form (internal.h): per section, the ordered list of
 * (action, set of reasons), and the subjects with their section.
 */
#include "internal.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- messages -------------------------------------------------------------------------- */

/* A message about the line being read. */
#define error(c, ...)	ld_diag_add((c)->diag, LD_DIAG_ERROR, (c)->file, (c)->line, __VA_ARGS__)
#define warning(c, ...) ld_diag_add((c)->diag, LD_DIAG_WARNING, (c)->file, (c)->line, __VA_ARGS__)

static const char *sec_name(const struct ctx *c, int sec)
{
	return c->secs[sec].name;
}

/*
 * Make room for element n of an array of n elements: capacity is implicit (16, then powers
 * of two), so appending stays linear.
 */
static bool grow(void **arr, size_t n, size_t size)
{
	void *p;
	size_t cap;

	if (n != 0 && (n < 16 || (n & (n - 1)) != 0))
		return true;
	cap = n == 0 ? 16 : n * 2;
	p = realloc(*arr, cap * size);
	if (!p)
		return false;
	*arr = p;
	return true;
}

/* ---- section headers (seen by the reader) ---------------------------------------------- */

static bool valid_rule_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_.:@-", *s))
			return false;
	return true;
}

static void start_section(struct ctx *c, const char *name)
{
	struct section *s;

	c->cur = CUR_SKIP;
	if (strlen(name) >= LD_RULE_NAME_LEN) {
		error(c, "section name '%.60s' is too long (at most %d characters)", name,
		      LD_RULE_NAME_LEN - 1);
		return;
	}
	if (!valid_rule_name(name)) {
		error(c,
		      "section name '%s' may only contain letters, digits and _ . : @ - "
		      "(it names the rule in events)",
		      name);
		return;
	}
	if (strcasecmp(name, "policy") == 0 && strcmp(name, "Policy") != 0) {
		error(c, "section [%s]: did you mean [Policy]?", name);
		return;
	}
	if (strcmp(name, "default") == 0) {
		error(c, "section name [default] is reserved for the [Policy] rule");
		return;
	}
	for (int i = 0; i < c->nsecs; i++) {
		if (strcmp(c->secs[i].name, name) == 0) {
			error(c, "section [%s] appears twice (first at %s:%u)", name, c->file,
			      c->secs[i].line);
			return;
		}
	}
	if (strcmp(name, "Policy") != 0) {
		if (c->nsubject_secs >= LD_RULES - 1) {
			if (!c->rules_overflow)
				error(c, "too many rules: at most %d subject sections",
				      LD_RULES - 1);
			c->rules_overflow = true;
			return;
		}
		c->nsubject_secs++;
	}
	s = &c->secs[c->nsecs];
	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->line = c->line;
	s->is_policy = strcmp(name, "Policy") == 0;
	if (s->is_policy)
		c->policy = c->nsecs;
	c->cur = c->nsecs++;
}

/*
 * Look at a section header line (p at its '['). Returns false when it is malformed (reported
 * here).
 */
static bool see_header(struct ctx *c, char *p)
{
	char *end, *rest;

	end = strchr(p, ']');
	if (!end) {
		error(c, "section header without ']'");
		c->cur = CUR_SKIP;
		return false;
	}
	for (rest = end + 1; *rest == ' ' || *rest == '\t';)
		rest++;
	if (*rest && *rest != ';' && *rest != '#') {
		error(c, "unexpected text after section header: '%.40s'", ld_rstrip(rest));
		c->cur = CUR_SKIP;
		return false;
	}
	*end = '\0';
	start_section(c, p + 1);
	return true;
}

static bool key_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '-' || ch == '.';
}

/*
 * A "Key=value" line (p at its first non-blank character): the key and the value (without
 * leading blanks) go to c->key and c->value. Returns false when it is malformed (reported).
 */
static bool see_key(struct ctx *c, char *p)
{
	char *eq = strchr(p, '='), *colon = strchr(p, ':'), *k;
	size_t n;

	if (colon && (!eq || colon < eq)) {
		error(c, "'%.40s': keys and values are separated by '=', not ':'", ld_rstrip(p));
		return false;
	}
	if (!eq) {
		error(c, "expected 'Key=value', '[Section]' or a comment");
		return false;
	}
	*eq = '\0';
	k = ld_rstrip(p);
	n = strlen(k);
	if (n == 0) {
		error(c, "'=' without a key before it");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (!key_char(k[i])) {
			error(c, "'%.40s' is not a key (keys are letters, such as Deny=)", k);
			return false;
		}
	}
	if (n > MAX_KEY) {
		error(c, "unknown key '%.40s...'", k);
		return false;
	}
	memcpy(c->key, k, n + 1);
	for (p = eq + 1; *p == ' ' || *p == '\t';)
		p++;
	c->value = p;
	return true;
}

/*
 * The reader inih pulls lines from. It is the lexer: it checks each line (length, NUL bytes,
 * UTF-8 text without control characters), handles comments and section headers itself, and
 * hands inih a key line only, as "Key=" at the start of a line. Whatever inih's build options
 * (its line buffer is 200 bytes upstream; multi-line values, inline comments and the BOM are
 * switches), that line means the same: one key, never a continuation. The handler takes the
 * value from c->value. Every other line reaches inih as an empty line, so inih and the reader
 * count lines alike, and the handler's c->line is the line of the key.
 */
static char *reader(char *str, int num, void *stream)
{
	struct ctx *c = stream;
	const char *start, *nl;
	size_t linelen, len;
	bool bad = true; /* until the line passes the checks below */
	char *p;

	if (c->pos >= c->len)
		return NULL;
	if (num < MAX_KEY + 3) {
		/* No inih has a buffer this small; say so rather than parse differently. */
		if (!c->tiny_reported)
			error(c, "the INI parser's line buffer (%d bytes) is too small", num);
		c->tiny_reported = true;
		c->pos = c->len;
		return NULL;
	}
	start = c->text + c->pos;
	nl = memchr(start, '\n', c->len - c->pos);
	linelen = nl ? (size_t)(nl - start) + 1 : c->len - c->pos;
	c->pos += linelen;
	c->line++;
	len = nl ? linelen - 1 : linelen;
	if (len > 0 && start[len - 1] == '\r')
		len--;
	if (len > LD_POLICY_MAX_LINE) {
		error(c, "line too long: %zu bytes (at most %d, not counting the line end)", len,
		      LD_POLICY_MAX_LINE);
		goto blank;
	}
	if (memchr(start, '\0', len)) {
		error(c, "NUL byte in line (not a text file?)");
		goto blank;
	}
	if (c->line == 1 && len >= 3 && memcmp(start, "\xef\xbb\xbf", 3) == 0) {
		start += 3; /* a UTF-8 byte order mark */
		len -= 3;
	}
	{
		size_t i = ld_text_prefix(start, len);
		char shown[8];

		if (i < len) {
			/* Shown escaped (\xNN), never raw. */
			ld_escape(shown, sizeof(shown), start + i, 1);
			error(c,
			      "byte %zu (%s) is a control character or not UTF-8: a policy is "
			      "UTF-8 text",
			      i + 1, shown);
			goto blank;
		}
	}
	bad = false;
	memcpy(c->buf, start, len);
	c->buf[len] = '\0';
	for (p = c->buf; *p == ' ' || *p == '\t';)
		p++;
	if (*p == '\0' || *p == '#' || *p == ';')
		goto blank;
	if (*p == '[') {
		see_header(c, p);
		goto blank;
	}
	if (!see_key(c, p))
		goto blank;
	snprintf(str, (size_t)num, "%s=\n", c->key);
	return str;
blank:
	c->value = NULL;
	if (bad) {
		/* A rejected section header: its keys must not land in the section before. */
		const char *q = start;

		while (q < start + len && (*q == ' ' || *q == '\t'))
			q++;
		if (q < start + len && *q == '[')
			c->cur = CUR_SKIP;
	}
	/* Keep inih counting lines, and keep everything but keys away from it. */
	str[0] = '\n';
	str[1] = '\0';
	return str;
}

/* ---- values ------------------------------------------------------------------------------ */

/* How a value splits into words: names at white space or commas, paths at white space only. */
enum words { NAMES, PATHS };

static bool word_sep(char ch, enum words how)
{
	return isspace((unsigned char)ch) || (how == NAMES && ch == ',');
}

/*
 * Split value (comment already stripped) into words. Calls fn for each word; stops early if
 * fn returns false.
 */
static void for_each_word(struct ctx *c, const char *value, enum words how, void *arg,
			  bool (*fn)(struct ctx *c, const char *word, void *arg))
{
	const char *p = value;

	for (;;) {
		char word[MAX_LINE];
		size_t n = 0;

		while (*p && word_sep(*p, how))
			p++;
		if (!*p)
			return;
		while (p[n] && !word_sep(p[n], how))
			n++;
		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		p += n;
		if (!fn(c, word, arg))
			return;
	}
}

static bool value_empty(const char *value)
{
	while (*value && (isspace((unsigned char)*value) || *value == ','))
		value++;
	return !*value || *value == '#';
}

struct reason_acc {
	__u64 mask;
	bool bad;
};

static bool add_reason(struct ctx *c, const char *word, void *arg)
{
	struct reason_acc *acc = arg;
	const struct ld_reasons *rs = c->rs;
	const struct ld_reason *r;
	char name[64];

	__u64 group;

	if (ld_reason_name_fold(word, name, sizeof(name)) != 0) {
		error(c, "unknown reason '%.60s...'", word);
		acc->bad = true;
		return true;
	}
	if (ld_reason_group(rs, name, &group)) {
		acc->mask |= group;
		return true;
	}
	r = ld_reason_by_name(rs, name);
	if (r && r->number < LD_REASONS) {
		acc->mask |= 1ull << r->number;
		return true;
	}
	if (ld_catalog_lookup(name)) {
		warning(c, "reason '%s' does not exist in this kernel; ignored here", name);
		return true;
	}
	{
		/* Past the last message shown, the error only counts: no suggestion to look for. */
		const char *s = c->diag->count > MAX_DIAG ? NULL : ld_reason_suggest(name);

		if (s)
			error(c, "unknown reason '%s'; did you mean %s?", word, s);
		else
			error(c,
			      "unknown reason '%s' (groups: " LD_REASON_GROUPS "; "
			      "`lockdown reasons` lists the names)",
			      word);
	}
	acc->bad = true;
	return true;
}

static void key_action(struct ctx *c, const char *key, const char *value, __u8 action)
{
	struct section *s = &c->secs[c->cur];
	struct reason_acc acc = { 0 };

	if (value_empty(value)) {
		error(c, "%s= needs reason names or a group (" LD_REASON_GROUPS ")", key);
		return;
	}
	for_each_word(c, value, NAMES, &acc, add_reason);
	if (acc.bad)
		return;
	if (!grow((void **)&s->ops, s->nops, sizeof(*s->ops))) {
		c->oom = true;
		return;
	}
	s->ops[s->nops].action = action;
	s->ops[s->nops].reasons = acc.mask;
	s->nops++;
}

/* ---- subjects -------------------------------------------------------------------------- */

static const struct {
	const char *noun, *same, *nouns; /* "executable", "file", "executables" */
	unsigned int max;
} subject_kinds[SUBJ_KINDS] = {
	[SUBJ_EXE] = { "executable", "file", "executables", LD_EXE_MAX },
	[SUBJ_CGROUP] = { "cgroup", "cgroup", "cgroups", LD_CGROUP_MAX },
	[SUBJ_UID] = { "user", "uid", "users", LD_UID_MAX },
};

/*
 * Record subject word of kind k, identity (id, ino), in the current section: each identity
 * once in the whole policy (twice in one section is a warning, in two an error naming both).
 * 1: added; 0: a duplicate (reported); -1: the kind's limit or memory ran out (stop).
 */
static int add_subject(struct ctx *c, enum subj_kind k, const char *word, __u64 id, __u64 ino)
{
	struct subj_list *l = &c->subj[k];
	const char *noun = subject_kinds[k].noun;
	struct subj *s;

	for (size_t i = 0; i < l->n; i++) {
		s = &l->v[i];
		if (s->id != id || s->ino != ino)
			continue;
		if (s->sec == c->cur)
			warning(c, "%s '%s' is the same %s as '%s' (line %u); listed once", noun,
				word, subject_kinds[k].same, s->path, s->line);
		else
			error(c,
			      "%s '%s' is already a subject of [%s] at %s:%u (as '%s'); a %s may "
			      "be in one section only",
			      noun, word, sec_name(c, s->sec), c->file, s->line, s->path,
			      subject_kinds[k].same);
		return 0;
	}
	if (l->n >= subject_kinds[k].max) {
		if (!l->overflow)
			error(c, "too many %s: at most %u", subject_kinds[k].nouns,
			      subject_kinds[k].max);
		l->overflow = true;
		return -1;
	}
	if (!grow((void **)&l->v, l->n, sizeof(*s))) {
		c->oom = true;
		return -1;
	}
	s = &l->v[l->n++];
	s->id = id;
	s->ino = ino;
	s->sec = c->cur;
	s->line = c->line;
	snprintf(s->path, sizeof(s->path), "%s", word);
	c->secs[c->cur].has_subject = true;
	return 1;
}

static bool add_exe(struct ctx *c, const char *word, void *arg)
{
	char err[512];
	__u64 dev, ino;
	bool optional = word[0] == '-';
	int ret;
	(void)arg;

	/* "-PATH": the executable may be absent from this machine (systemd's "-" for files). */
	if (optional && !*++word) {
		error(c, "Executable=: '-' needs a path after it (-/usr/lib/...)");
		return true;
	}
	/* The compiled rule keeps the path as written, for messages: never a shortened one. */
	if (strlen(word) >= sizeof(c->subj[0].v->path)) {
		error(c, "Executable=: path too long (%zu characters; at most %zu)", strlen(word),
		      sizeof(c->subj[0].v->path) - 1);
		return true;
	}
	ret = ld_exe_identity(word, &dev, &ino, err, sizeof(err));
	if (ret == -ENOENT && optional) {
		warning(c, "optional executable '%s' is absent: [%s] does not name it", word,
			sec_name(c, c->cur));
		c->secs[c->cur].optional_absent = true;
		return true;
	}
	if (ret != 0) {
		/* "/a,/b": one path with a comma in it, as paths split at white space only. */
		error(c, "Executable=: %s%s", err,
		      strchr(word, ',') && access(word, F_OK) != 0
			      ? " (paths are separated by white space; a comma is part of a name)"
			      : "");
		return true;
	}
	{
		struct stat st;

		/* The kernel runs only what has an execute bit: a rule for anything else is a
		 * mistake (a script without chmod +x, a library, a data file). */
		if (stat(word, &st) == 0 && !(st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH))) {
			error(c, "Executable=: '%s' has no execute permission: no task runs it",
			      word);
			return true;
		}
	}
	ret = add_subject(c, SUBJ_EXE, word, dev, ino);
	if (ret < 0)
		return false;
	if (ret > 0 && !c->secs[c->cur].exe_line)
		c->secs[c->cur].exe_line = c->line;
	return true;
}

#define MAX_LIBS 256

/* Libraries=: files or directories whose files the section's executables may map as code. */
static bool add_lib(struct ctx *c, const char *word, void *arg)
{
	struct ld_lib_path *l;
	struct stat st;
	(void)arg;

	if (word[0] != '/') {
		error(c, "Libraries=: '%s' is not an absolute path", word);
		return true;
	}
	if (strlen(word) >= sizeof(l->path)) {
		error(c, "Libraries=: path too long (at most %zu characters)", sizeof(l->path) - 1);
		return true;
	}
	if (stat(word, &st) != 0) {
		int e = errno;

		error(c, "Libraries=: '%s': %s", word, e == ENOENT ? "no such file" : strerror(e));
		return true;
	}
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		error(c, "Libraries=: '%s' is neither a file nor a directory", word);
		return true;
	}
	for (size_t i = 0; i < c->nlibs; i++) {
		if (strcmp(c->libs[i].path, word) == 0) {
			warning(c, "Libraries=: '%s' is already listed (line %u)", word,
				c->libs[i].line);
			return true;
		}
	}
	if (c->nlibs >= MAX_LIBS) {
		error(c, "too many Libraries= paths: at most %d", MAX_LIBS);
		return false;
	}
	if (!grow((void **)&c->libs, c->nlibs, sizeof(*l))) {
		c->oom = true;
		return false;
	}
	l = &c->libs[c->nlibs++];
	snprintf(l->path, sizeof(l->path), "%s", word);
	l->line = c->line;
	if (!c->secs[c->cur].libs_line)
		c->secs[c->cur].libs_line = c->line;
	return true;
}

static bool add_cgroup(struct ctx *c, const char *word, void *arg)
{
	char err[1600];
	__u64 id;
	(void)arg;

	if (strlen(word) >= sizeof(c->subj[0].v->path)) {
		error(c, "Cgroup=: path too long (%zu characters; at most %zu)", strlen(word),
		      sizeof(c->subj[0].v->path) - 1);
		return true;
	}
	if (ld_cgroup_identity(word, c->opts->cgroup_root, &id, NULL, 0, err, sizeof(err)) != 0) {
		error(c, "Cgroup=: %s%s", err,
		      strchr(word, ',')
			      ? " (paths are separated by white space; a comma is part of a name)"
			      : "");
		return true;
	}
	return add_subject(c, SUBJ_CGROUP, word, id, 0) >= 0;
}

static bool add_uid(struct ctx *c, const char *word, void *arg)
{
	char err[512];
	__u32 uid;
	(void)arg;

	if (ld_uid_identity(word, c->opts->passwd, &uid, err, sizeof(err)) != 0) {
		error(c, "User=: %s", err);
		return true;
	}
	return add_subject(c, SUBJ_UID, word, uid, 0) >= 0;
}

/* yes/true/1 or no/false/0, a whole value; -1 (reported) otherwise. */
static int yes_no(struct ctx *c, const char *key, const char *value)
{
	if (!strcasecmp(value, "yes") || !strcasecmp(value, "true") || !strcmp(value, "1"))
		return 1;
	if (!strcasecmp(value, "no") || !strcasecmp(value, "false") || !strcmp(value, "0"))
		return 0;
	error(c, "%s=%s: expected yes or no", key, value);
	return -1;
}

/* Host=yes or Host=no, the whole value: "yes no" or "yes please" is an error. */
static void key_host(struct ctx *c, const char *value)
{
	int v = yes_no(c, "Host", value);

	if (v != 1)
		return;
	if (c->host_sec >= 0 && c->host_sec != c->cur) {
		error(c, "Host=yes is already in [%s] at %s:%u; only one section may have it",
		      sec_name(c, c->host_sec), c->file, c->secs[c->host_sec].host_line);
		return;
	}
	c->host_sec = c->cur;
	c->secs[c->cur].host_line = c->line;
	c->secs[c->cur].has_subject = true;
}

static void key_seal(struct ctx *c, const char *value)
{
	int v;

	if (c->seal_line) {
		error(c, "Seal= given twice (first at line %u)", c->seal_line);
		return;
	}
	v = yes_no(c, "Seal", value);
	if (v < 0)
		return;
	c->seal = v == 1;
	c->seal_line = c->line;
}

static void key_mode(struct ctx *c, const char *value)
{
	const char *v = value; /* trailing space and comment already stripped */

	if (c->mode_line) {
		error(c, "Mode= given twice (first at line %u)", c->mode_line);
		return;
	}
	if (strcmp(v, "enforce") == 0)
		c->mode = LD_MODE_ENFORCE;
	else if (strcmp(v, "audit") == 0)
		c->mode = LD_MODE_AUDIT;
	else {
		error(c, "Mode=%s: expected enforce or audit", value);
		return;
	}
	c->mode_line = c->line;
}

static void key_rate(struct ctx *c, const char *value)
{
	char *end;
	unsigned long v;

	if (c->rate_line) {
		error(c, "RateLimit= given twice (first at line %u)", c->rate_line);
		return;
	}
	errno = 0;
	v = strtoul(value, &end, 10);
	while (*end && isspace((unsigned char)*end))
		end++;
	if (!isdigit((unsigned char)value[0]) || *end || errno || v > 65535) {
		error(c,
		      "RateLimit=%s: expected events per second per reason, 0 (no events) to "
		      "65535",
		      value);
		return;
	}
	c->rate_limit = (__u32)v;
	c->rate_line = c->line;
}

static const char *const policy_keys[] = { "Mode", "Allow", "Audit", "Deny", "RateLimit", "Seal" };
static const char *const subject_keys[] = { "Executable", "Cgroup", "User",  "Host",
					    "Libraries",  "Allow",  "Audit", "Deny" };

static void unknown_key(struct ctx *c, const char *key, bool is_policy)
{
	const char *const *keys = is_policy ? policy_keys : subject_keys;
	size_t n = is_policy ? sizeof(policy_keys) / sizeof(policy_keys[0])
			     : sizeof(subject_keys) / sizeof(subject_keys[0]);

	for (size_t i = 0; i < n; i++) {
		if (strcasecmp(keys[i], key) == 0) {
			error(c, "unknown key '%s'; did you mean %s=?", key, keys[i]);
			return;
		}
	}
	if (is_policy && (!strcmp(key, "Executable") || !strcmp(key, "Cgroup") ||
			  !strcmp(key, "User") || !strcmp(key, "Host"))) {
		error(c, "%s= names a subject: put it in a section of its own, not in [Policy]",
		      key);
		return;
	}
	if (!is_policy &&
	    (!strcmp(key, "Mode") || !strcmp(key, "RateLimit") || !strcmp(key, "Seal"))) {
		error(c, "%s= applies to the whole policy: put it in [Policy]", key);
		return;
	}
	if (is_policy)
		error(c,
		      "unknown key '%s' in [Policy] (keys: Mode, Allow, Audit, Deny, RateLimit, "
		      "Seal)",
		      key);
	else
		error(c,
		      "unknown key '%s' in [%s] (keys: Executable, Cgroup, User, Host, "
		      "Libraries, Allow, Audit, Deny)",
		      key, sec_name(c, c->cur));
}

/* Copy value without a trailing comment: '#' or ';' at its start or after white space. */
static void strip_comment(const char *value, char *out, size_t len)
{
	size_t n = 0;

	for (; value[n] && n < len - 1; n++) {
		if ((value[n] == '#' || value[n] == ';') &&
		    (n == 0 || isspace((unsigned char)value[n - 1])))
			break;
		out[n] = value[n];
	}
	out[n] = '\0';
	ld_rstrip(out);
}

/* Executable=, Cgroup=, User=, Host=: what names a subject section's subjects. */
static bool is_subject_key(const char *key)
{
	return !strcmp(key, "Executable") || !strcmp(key, "Cgroup") || !strcmp(key, "User") ||
	       !strcmp(key, "Host");
}

static void subject_key(struct ctx *c, const char *key, const char *value)
{
	unsigned int errors = c->diag->errors;

	if (!strcmp(key, "Executable"))
		value_empty(value) ? error(c, "Executable= needs a path")
				   : for_each_word(c, value, PATHS, NULL, add_exe);
	else if (!strcmp(key, "Cgroup"))
		value_empty(value) ? error(c, "Cgroup= needs a cgroup path")
				   : for_each_word(c, value, PATHS, NULL, add_cgroup);
	else if (!strcmp(key, "User"))
		value_empty(value) ? error(c, "User= needs a uid or user name")
				   : for_each_word(c, value, NAMES, NULL, add_uid);
	else
		key_host(c, value);
	/* A subject in error is reported where it is; "names no subject" would repeat it. */
	if (c->diag->errors != errors)
		c->secs[c->cur].subject_error = true;
}

/* inih's handler, called for the "Key=" line the reader just handed over (see reader()). */
#if INI_HANDLER_LINENO
static int handler(void *user, const char *section, const char *key, const char *raw, int lineno)
#else
static int handler(void *user, const char *section, const char *key, const char *raw)
#endif
{
	struct ctx *c = user;
	char value[MAX_LINE];
	bool is_policy;
	(void)section;
	(void)raw;
#if INI_HANDLER_LINENO
	(void)lineno;
#endif

	if (!key || !c->value || strcmp(key, c->key) != 0)
		return 1; /* nothing the reader handed over (a section call of some builds) */
	strip_comment(c->value, value, sizeof(value));
	c->value = NULL;

	if (c->cur == CUR_SKIP || c->oom)
		return 1;
	if (c->cur == CUR_NONE) {
		error(c, "'%s=' before any section: put it under [Policy] or a subject section",
		      key);
		c->cur = CUR_SKIP;
		return 1;
	}
	is_policy = c->secs[c->cur].is_policy;
	if (!strcmp(key, "Allow"))
		key_action(c, key, value, LD_ACT_ALLOW);
	else if (!strcmp(key, "Audit"))
		key_action(c, key, value, LD_ACT_AUDIT);
	else if (!strcmp(key, "Deny"))
		key_action(c, key, value, LD_ACT_DENY);
	else if (is_policy && !strcmp(key, "Mode"))
		key_mode(c, value);
	else if (is_policy && !strcmp(key, "RateLimit"))
		key_rate(c, value);
	else if (is_policy && !strcmp(key, "Seal"))
		key_seal(c, value);
	else if (!is_policy && !strcmp(key, "Libraries"))
		value_empty(value) ? error(c, "Libraries= needs a file or directory")
				   : for_each_word(c, value, PATHS, NULL, add_lib);
	else if (!is_policy && is_subject_key(key))
		subject_key(c, key, value);
	else
		unknown_key(c, key, is_policy);
	return 1;
}

/* ---- the file -------------------------------------------------------------------------- */

void ld_policy_parse(struct ctx *c)
{
	unsigned int errors_before = c->diag->errors;
	int ret;

	/* inih's public interface only: the reader decides what inih sees (see reader()). */
	ret = ini_parse_stream(reader, c, handler, c);
	if (ret > 0) {
		bool reported = false;

		for (size_t i = 0; i < c->diag->count; i++)
			if (c->diag->msgs[i].severity == LD_DIAG_ERROR &&
			    c->diag->msgs[i].line == (unsigned int)ret &&
			    !strcmp(c->diag->msgs[i].file, c->file))
				reported = true;
		if (!reported)
			ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, (unsigned int)ret,
				    "expected 'Key=value', '[Section]' or a comment");
	} else if (ret < 0) {
		c->oom = true;
	}
	for (int i = 0; i < c->nsecs; i++) {
		const struct section *s = &c->secs[i];
		char lower[LD_RULE_NAME_LEN];
		size_t k;

		for (k = 0; s->name[k] && k < sizeof(lower) - 1; k++)
			lower[k] = (char)tolower((unsigned char)s->name[k]);
		lower[k] = '\0';
		if (!s->is_policy && !s->has_subject && s->subject_error)
			continue;
		if (!s->is_policy && !s->has_subject && s->optional_absent) {
			ld_diag_add(c->diag, LD_DIAG_WARNING, c->file, s->line,
				    "section [%s] names no subject on this machine (its optional "
				    "executables are absent): it applies to no task",
				    s->name);
			continue;
		}
		if (!s->is_policy && !s->has_subject && ld_edit_distance(lower, "policy") <= 2)
			ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, s->line,
				    "section [%s] names no subject; did you mean [Policy]?",
				    s->name);
		else if (!s->is_policy && !s->has_subject)
			ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, s->line,
				    "section [%s] names no subject (Executable=, Cgroup=, User= or "
				    "Host=yes)",
				    s->name);
		else if (s->libs_line && !s->exe_line)
			ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, s->libs_line,
				    "Libraries= in [%s] applies to executables: the section has no "
				    "Executable=",
				    s->name);
	}
	if (c->oom)
		ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, 0, "out of memory");
	if (c->diag->errors == errors_before && c->nsecs == 0)
		ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, 0,
			    "no section: an empty policy is refused (a file with [Policy] alone "
			    "allows everything, on purpose)");
}

void ld_policy_ctx_free(struct ctx *c)
{
	for (int i = 0; i < c->nsecs; i++)
		free(c->secs[i].ops);
	for (int k = 0; k < SUBJ_KINDS; k++)
		free(c->subj[k].v);
	free(c->libs);
}
