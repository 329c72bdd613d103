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
#include <glob.h>
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
 * Record subject word of kind k, identity (id, ino), in the current section: twice in one
 * section is a warning (listed once); in two sections an error, said once the whole file is
 * read (see two_sections()): a Module= or Kexec= line further down may make it a narrowing
 * of an object section, which may repeat another section's subject.
 * 1: added; 0: a duplicate (reported); -1: the kind's limit or memory ran out (stop).
 */
static int add_subject(struct ctx *c, enum subj_kind k, const char *word, __u64 id, __u64 ino)
{
	struct subj_list *l = &c->subj[k];
	const char *noun = subject_kinds[k].noun;
	struct subj *s;

	for (size_t i = 0; i < l->n; i++) {
		s = &l->v[i];
		if (s->id != id || s->ino != ino || s->sec != c->cur)
			continue;
		warning(c, "%s '%s' is the same %s as '%s' (line %u); listed once", noun, word,
			subject_kinds[k].same, s->path, s->line);
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

/* A subject in two sections (neither of them an object section): an error naming both. */
static void two_sections(struct ctx *c)
{
	for (int k = 0; k < SUBJ_KINDS; k++) {
		const struct subj_list *l = &c->subj[k];

		for (size_t i = 0; i < l->n; i++) {
			const struct subj *s = &l->v[i];

			if (ld_sec_has_objects(&c->secs[s->sec]))
				continue;
			for (size_t j = 0; j < i; j++) {
				const struct subj *t = &l->v[j];

				if (t->id != s->id || t->ino != s->ino || t->sec == s->sec ||
				    ld_sec_has_objects(&c->secs[t->sec]))
					continue;
				ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, s->line,
					    "%s '%s' is already a subject of [%s] at %s:%u (as "
					    "'%s'); a %s may be in one section only",
					    subject_kinds[k].noun, s->path, sec_name(c, t->sec),
					    c->file, t->line, t->path, subject_kinds[k].same);
				break;
			}
		}
	}
}

/* ---- objects (Module=, Kexec=) ----------------------------------------------------------- */

/* The version of kmod ("kmod version 30"), asked once; -1 when there is none to ask. */
static int kmod_version(struct ctx *c)
{
	FILE *f;
	int v = -1;

	if (c->kmod_version)
		return c->kmod_version;
	f = popen("kmod --version 2>/dev/null", "r");
	if (f) {
		if (fscanf(f, "kmod version %d", &v) != 1)
			v = -1;
		pclose(f);
	}
	c->kmod_version = v;
	return v;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && !strcmp(s + n - m, tail);
}

/* One file a Module= or Kexec= glob matched: checked, named by identity, kept once. */
static bool add_objfile(struct ctx *c, unsigned int kind, const char *path)
{
	const char *key = ld_object_key(kind);
	struct objfile *o;
	struct stat st;
	char err[512];
	__u64 dev, ino;

	if (strlen(path) >= sizeof(o->path)) {
		error(c, "%s=: '%s': path too long (at most %zu characters)", key, path,
		      sizeof(o->path) - 1);
		return true;
	}
	if (stat(path, &st) != 0) {
		int e = errno;

		error(c, "%s=: '%s': %s", key, path, e == ENOENT ? "no such file" : strerror(e));
		return true;
	}
	if (!S_ISREG(st.st_mode)) {
		error(c, "%s=: '%s' is not a regular file: the kernel reads a %s from a file", key,
		      path, ld_object_noun(kind));
		return true;
	}
	if (ld_exe_identity(path, &dev, &ino, err, sizeof(err)) != 0) {
		error(c, "%s=: %s", key, err);
		return true;
	}
	for (size_t i = 0; i < c->nobjfiles; i++)
		if (c->objfiles[i].kind == kind && c->objfiles[i].dev == dev &&
		    c->objfiles[i].ino == ino && c->objfiles[i].sec == c->cur)
			return true; /* two globs of one section meet: listed once */
	if (c->nobjfiles >= LD_OBJECT_MAX) {
		if (!c->objfiles_overflow)
			error(c, "too many Module= and Kexec= files: at most %u", LD_OBJECT_MAX);
		c->objfiles_overflow = true;
		return false;
	}
	if (!grow((void **)&c->objfiles, c->nobjfiles, sizeof(*o))) {
		c->oom = true;
		return false;
	}
	o = &c->objfiles[c->nobjfiles++];
	o->kind = (__u8)kind;
	o->dev = dev;
	o->ino = ino;
	o->sec = c->cur;
	o->line = c->line;
	snprintf(o->path, sizeof(o->path), "%s", path);
	/* kmod before 31 decompresses a module itself and hands the kernel the bytes. */
	if (kind == LD_OBJ_MODULE && (ends_with(path, ".ko.xz") || ends_with(path, ".ko.zst") ||
				      ends_with(path, ".ko.gz"))) {
		int v = kmod_version(c);

		if (v >= 0 && v < 31)
			warning(c,
				"Module=: '%s' is compressed, and kmod %d (before 31) decompresses "
				"it itself and loads the bytes (init_module), which no Module= "
				"matches: list the uncompressed module and load it with insmod, or "
				"load it with kmod 31 or later on a kernel that decompresses "
				"modules",
				path, v);
	}
	return true;
}

/*
 * Module=PATH, Kexec=PATH: absolute paths, each a file or a glob (expanded now, when the
 * policy is compiled; files added later count from the next apply or refresh).
 */
static bool add_object(struct ctx *c, const char *word, void *arg)
{
	unsigned int kind = *(const unsigned int *)arg;
	const char *key = ld_object_key(kind);
	bool pattern = strpbrk(word, "*?[") != NULL;
	glob_t g;
	int ret;

	if (word[0] != '/') {
		error(c, "%s=: '%s' is not an absolute path", key, word);
		return true;
	}
	if (!pattern)
		return add_objfile(c, kind, word);
	{
		/* A bounded walk: a few levels of wildcards, as DKMS paths need. */
		unsigned int levels = 0;

		for (const char *p = word; (p = strchr(p, '/')) != NULL; p++) {
			size_t n = strcspn(p + 1, "/");

			levels += memchr(p + 1, '*', n) || memchr(p + 1, '?', n) ||
				  memchr(p + 1, '[', n);
		}
		if (levels > 4) {
			error(c, "%s=: '%s' has wildcards in %u levels of its path: at most 4", key,
			      word, levels);
			return true;
		}
	}
	ret = glob(word, 0, NULL, &g);
	if (ret == GLOB_NOMATCH) {
		warning(c, "%s=: '%s' matches no file: [%s] names no %s for it", key, word,
			sec_name(c, c->cur), ld_object_noun(kind));
		return true;
	}
	if (ret != 0) {
		if (ret == GLOB_NOSPACE)
			c->oom = true;
		else
			error(c, "%s=: '%s': a directory cannot be read", key, word);
		globfree(&g);
		return ret != GLOB_NOSPACE;
	}
	for (size_t i = 0; i < g.gl_pathc; i++) {
		if (!add_objfile(c, kind, g.gl_pathv[i])) {
			globfree(&g);
			return false;
		}
	}
	globfree(&g);
	return true;
}

static void key_object(struct ctx *c, unsigned int kind, const char *value)
{
	struct section *s = &c->secs[c->cur];

	if (!s->obj_line[kind])
		s->obj_line[kind] = c->line;
	if (value_empty(value))
		error(c, "%s= needs a file or a glob (%s)", ld_object_key(kind),
		      kind == LD_OBJ_MODULE ? "/lib/modules/*/updates/dkms/*.ko*"
					    : "/boot/vmlinuz-*");
	else
		for_each_word(c, value, PATHS, &kind, add_object);
}

/* The reasons (bits) an object section may decide: those of its kinds. */
static __u64 object_reasons(const struct ctx *c, const struct section *s)
{
	static const char *const names[LD_OBJ_KINDS] = {
		[LD_OBJ_MODULE] = "module_signature", [LD_OBJ_KEXEC] = "kexec"
	};
	__u64 mask = 0;

	for (unsigned int k = 1; k < LD_OBJ_KINDS; k++) {
		const struct ld_reason *r = ld_reason_by_name(c->rs, names[k]);

		if (s->obj_line[k] && r && r->number < LD_REASONS)
			mask |= 1ull << r->number;
	}
	return mask;
}

/* An object section decides its objects' reasons only, and is narrowed by no Host=. */
static void check_object_section(struct ctx *c, const struct section *s)
{
	__u64 allowed = object_reasons(c, s), named = 0;
	const char *key = s->obj_line[LD_OBJ_MODULE] ? "Module" : "Kexec";
	unsigned int line =
		s->obj_line[LD_OBJ_MODULE] ? s->obj_line[LD_OBJ_MODULE] : s->obj_line[LD_OBJ_KEXEC];

	if (s->host_line)
		ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, s->host_line,
			    "Host= cannot narrow [%s], which names %s=: narrow it with "
			    "Executable=, Cgroup= or User=",
			    s->name, key);
	for (size_t i = 0; i < s->nops; i++) {
		__u64 extra = s->ops[i].reasons & ~allowed;

		named |= s->ops[i].reasons & allowed;
		if (extra) {
			const struct ld_reason *r = NULL;

			for (unsigned int b = 0; b < LD_REASONS && !r; b++)
				if (extra & (1ull << b))
					r = ld_reason_by_number(c->rs, b);
			ld_diag_add(
				c->diag, LD_DIAG_ERROR, c->file, s->line,
				"[%s] names %s=, so it decides %s only: '%s' belongs in another "
				"section",
				s->name, key,
				s->obj_line[LD_OBJ_MODULE] && s->obj_line[LD_OBJ_KEXEC]
					? "module_signature and kexec"
				: s->obj_line[LD_OBJ_MODULE] ? "module_signature"
							     : "kexec",
				r ? r->name : "?");
			return;
		}
	}
	if (!named)
		ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, line,
			    "[%s] names %s= but decides nothing for it: add Allow=%s (or Audit=, "
			    "Deny=)",
			    s->name, key,
			    s->obj_line[LD_OBJ_MODULE] ? "module_signature" : "kexec");
}

static int cmp_objrule(const void *a, const void *b)
{
	const struct ld_obj_rule *x = a, *y = b;

#define CMPF(f)                                                                                    \
	do {                                                                                       \
		if (x->f != y->f)                                                                  \
			return x->f < y->f ? -1 : 1;                                               \
	} while (0)
	CMPF(kind);
	CMPF(dev);
	CMPF(ino);
	CMPF(subj);
	CMPF(sa);
	CMPF(sb);
	CMPF(line);
#undef CMPF
	return 0;
}

/*
 * The object rules: each file of an object section once per subject that narrows the section
 * (once for any task when none does; none when its only subjects are absent optional
 * executables). One (file, subject) in two sections is an error naming both.
 */
static void expand_objects(struct ctx *c)
{
	static const __u8 osubj[SUBJ_KINDS] = { [SUBJ_EXE] = LD_OSUBJ_EXE,
						[SUBJ_CGROUP] = LD_OSUBJ_CGROUP,
						[SUBJ_UID] = LD_OSUBJ_UID };
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < c->nobjfiles; i++) {
		const struct objfile *f = &c->objfiles[i];
		const struct section *s = &c->secs[f->sec];
		bool narrowed = false;

		for (int k = 0; k <= SUBJ_KINDS; k++) {
			const struct subj_list *l = k < SUBJ_KINDS ? &c->subj[k] : NULL;
			size_t m = l ? l->n : (narrowed || s->optional_absent ? 0 : 1);

			for (size_t j = 0; j < m; j++) {
				struct ld_obj_rule *o;

				if (l && l->v[j].sec != f->sec)
					continue;
				narrowed = true;
				if (n >= LD_OBJECT_MAX) {
					ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, f->line,
						    "too many Module= and Kexec= rules (files "
						    "times the "
						    "subjects narrowing them): at most %u",
						    LD_OBJECT_MAX);
					return;
				}
				if (n == cap) {
					size_t nc = cap ? 2 * cap : 64;
					void *p = realloc(c->objects, nc * sizeof(*c->objects));

					if (!p) {
						c->oom = true;
						return;
					}
					c->objects = p;
					cap = nc;
				}
				o = &c->objects[n++];
				memset(o, 0, sizeof(*o));
				o->kind = f->kind;
				o->dev = f->dev;
				o->ino = f->ino;
				o->rule = (__u32)f->sec; /* a section index until build.c */
				o->line = f->line;
				memcpy(o->path, f->path, sizeof(o->path));
				if (l) {
					o->subj = osubj[k];
					o->sa = l->v[j].id;
					o->sb = l->v[j].ino;
				}
			}
		}
	}
	c->nobjects = n;
	if (n)
		qsort(c->objects, n, sizeof(*c->objects), cmp_objrule);
	for (size_t i = 1; i < n; i++) {
		const struct ld_obj_rule *a = &c->objects[i - 1], *b = &c->objects[i];

		if (a->kind == b->kind && a->dev == b->dev && a->ino == b->ino &&
		    a->subj == b->subj && a->sa == b->sa && a->sb == b->sb && a->rule != b->rule) {
			ld_diag_add(c->diag, LD_DIAG_ERROR, c->file, b->line,
				    "%s '%s' is already named by [%s] at %s:%u for the same tasks; "
				    "a file and its tasks may be in one section only",
				    ld_object_noun(b->kind), b->path, sec_name(c, (int)a->rule),
				    c->file, a->line);
			return;
		}
	}
	/* One section naming a file twice for one subject (two of its globs): listed once. */
	for (size_t i = 1; i < c->nobjects; i++) {
		struct ld_obj_rule *a = &c->objects[i - 1], *b = &c->objects[i];

		if (a->kind == b->kind && a->dev == b->dev && a->ino == b->ino &&
		    a->subj == b->subj && a->sa == b->sa && a->sb == b->sb) {
			memmove(b, b + 1, (c->nobjects - i - 1) * sizeof(*b));
			c->nobjects--;
			i--;
		}
	}
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
static const char *const subject_keys[] = { "Executable", "Cgroup", "User",  "Host",  "Libraries",
					    "Module",	  "Kexec",  "Allow", "Audit", "Deny" };

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
	if (is_policy &&
	    (!strcmp(key, "Executable") || !strcmp(key, "Cgroup") || !strcmp(key, "User") ||
	     !strcmp(key, "Host") || !strcmp(key, "Module") || !strcmp(key, "Kexec"))) {
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
		      "Libraries, Module, Kexec, Allow, Audit, Deny)",
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
	else if (!is_policy && !strcmp(key, "Module"))
		key_object(c, LD_OBJ_MODULE, value);
	else if (!is_policy && !strcmp(key, "Kexec"))
		key_object(c, LD_OBJ_KEXEC, value);
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
		if (!s->is_policy && ld_sec_has_objects(s)) {
			check_object_section(c, s);
			if (s->libs_line && !s->exe_line)
				ld_diag_add(
					c->diag, LD_DIAG_ERROR, c->file, s->libs_line,
					"Libraries= in [%s] applies to executables: the section "
					"has no Executable=",
					s->name);
			if (!s->has_subject && s->optional_absent)
				ld_diag_add(
					c->diag, LD_DIAG_WARNING, c->file, s->line,
					"section [%s] is narrowed to optional executables that are "
					"absent: it applies to no task",
					s->name);
			continue;
		}
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
	two_sections(c);
	if (c->diag->errors == errors_before)
		expand_objects(c);
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
	free(c->objfiles);
	free(c->objects);
}
