// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the event renderer and the readers of pinned state: what `lockdown
 * events`, `stats` and `status` do with bytes another version of lockdown, or anyone with
 * root, can have written. Records come from the ring buffer, rule names and the policy's
 * source from the pinned `meta` map, map shapes and the ABI stamp from the kernel's view of
 * the pins. pinned.c and reader.c are compiled into this file as they are, so the checks
 * ld_pinned_open() and ld_pinned_meta() apply and the reader's record callback run
 * unchanged (no map is opened: every descriptor is -1, so a lookup fails as on a removed
 * pin). The input's layout is in fuzz_events.h. What must hold for every input:
 *
 *   - the pin checks accept exactly the shapes of this binary's BPF object and its own ABI
 *     stamp, and otherwise say why in one line; a `meta` entry they accept has a source that
 *     ends within its bytes (status and stale exemptions use it as a C string);
 *   - the reader passes on every record that holds a whole struct ld_event, nothing shorter;
 *   - ld_event_text(): one line of printable ASCII, each field once, comm, names, rule and
 *     path unescaping to their bytes (a long path cut only at a whole escape), and the same
 *     line, cut short, in a short buffer;
 *   - ld_event_json(): valid UTF-8 without a control character as json-c writes it, so
 *     `-j` prints it unchanged, parsing back to the same object, its strings unescaping to
 *     the record's bytes;
 *   - ld_meta_rule_name(), ld_format_time(): NUL-terminated in a buffer of any size;
 *   - ld_prom_write(): lines of the Prometheus text format, UTF-8 without control bytes.
 * Every string field is read from a buffer of exactly its struct's size (ASan sees a read
 * past an unterminated name at the end).
 *
 * Seeds: fuzz/corpus/events, from fuzz-seed-events (seed_events.c).
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_events.h"
#include "kernel.h"
#include "util.h"

#include "enforcer/pinned.c"
#include "enforcer/reader.c"

static struct ld_reasons rs;
static struct shape want[NMAPS];

/*
 * The harness's own code: no coverage feedback (it would reward inputs for the paths of the
 * checks, and cost most of the time), and never inlined into a function that has it. The code
 * under test (pinned.c and reader.c included, the other files linked) keeps its feedback.
 */
#define CHECKER __attribute__((no_sanitize("coverage"), noinline))

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_reasons(&rs);
	/* The shapes ld_pinned_open() wants: this binary's BPF object, opened, never loaded. */
	CHECK(expected_shapes(want) == 0);
	return 0;
}

/* Printable ASCII: what a text line and an escaped word are made of. */
CHECKER static bool ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return false;
	return true;
}

/* Valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF) without a control
 * character (C0, tab and newline included, DEL, C1). */
CHECKER static bool clean_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < n;) {
		unsigned int cp, k;

		if (s[i] < 0x80) {
			if (s[i] < 0x20 || s[i] == 0x7f)
				return false;
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			k = 1, cp = s[i] & 0x1f;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			k = 2, cp = s[i] & 0x0f;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			k = 3, cp = s[i] & 0x07;
		else
			return false;
		if (k >= n - i)
			return false;
		for (unsigned int j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) || cp <= 0x9f)
			return false;
		i += k + 1;
	}
	return true;
}

/* Undo ld_field_escape(): \\ and \xNN back to their bytes (out has room for n bytes). */
CHECKER static size_t unescape(const char *s, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		if (s[i] != '\\') {
			out[o++] = s[i++];
			continue;
		}
		CHECK(i + 1 < n);
		if (s[i + 1] == '\\') {
			out[o++] = '\\';
			i += 2;
			continue;
		}
		CHECK(s[i + 1] == 'x' && i + 3 < n);
		CHECK(strchr("0123456789abcdef", s[i + 2]) && strchr("0123456789abcdef", s[i + 3]));
		out[o++] = (char)strtoul((char[]){ s[i + 2], s[i + 3], 0 }, NULL, 16);
		i += 4;
	}
	return o;
}

/* The escaped text s unescapes to the bytes of field (up to a NUL, at most n): all of them,
 * or with whole false a prefix (the escape buffer was full). */
CHECKER static void same_bytes(const char *s, size_t slen, const char *field, size_t n, bool whole)
{
	char *back = malloc(slen + 1);
	size_t blen, flen = strnlen(field, n);

	CHECK(back);
	blen = unescape(s, slen, back);
	CHECK(blen <= flen && memcmp(back, field, blen) == 0);
	CHECK(!whole || blen == flen);
	free(back);
}

/* The word after " key=" in a text line (exactly once), its length in *len. */
CHECKER static const char *word(const char *line, const char *key, size_t *len)
{
	const char *at = strstr(line, key);

	CHECK(at && !strstr(at + 1, key));
	at += strlen(key);
	*len = strcspn(at, " ");
	return at;
}

/* How many times key occurs in s. */
CHECKER static unsigned int count(const char *s, const char *key)
{
	unsigned int n = 0;

	for (const char *p = s; (p = strstr(p, key)); p++)
		n++;
	return n;
}

/* A path escapes into a buffer of 4 * 1024 + 1 bytes (PATH_MAX_TEXT in render.c), at most
 * 4 bytes per byte: one of up to 1024 bytes is always whole, a longer one may be cut. */
static bool path_whole(const char *path)
{
	return strlen(path) <= 1024;
}

struct run {
	const struct fe_head *h;
	struct ld_meta *meta[LD_GENS]; /* the input's entries, each a buffer of its own */
	const char *path;
	bool called;
};

CHECKER static void check_text(const struct ld_event *e, const struct ld_event_ctx *c,
			       unsigned int cut)
{
	char line[16384], part[2048], *shortbuf = malloc(cut ? cut : 1), rulebuf[4 * 48 + 1];
	const struct ld_meta *m = ld_event_meta(e, c->meta);
	const char *w, *rule;
	size_t wl;
	int n = ld_event_text(e, c, line, sizeof(line));

	CHECK(shortbuf);
	CHECK(n > 0 && (size_t)n < sizeof(line) && strlen(line) == (size_t)n);
	CHECK(ascii(line, (size_t)n));
	CHECK(strncmp(line, "lockdown: ", 10) == 0);
	/* The same line in `lockdown events`'s buffer, and in one of any size: cut short. */
	CHECK(ld_event_text(e, c, part, sizeof(part)) == n);
	CHECK(strncmp(part, line, sizeof(part) - 1) == 0);
	if (cut) {
		CHECK(ld_event_text(e, c, shortbuf, cut) == n);
		CHECK(strlen(shortbuf) < cut && strncmp(shortbuf, line, strlen(shortbuf)) == 0);
	}
	free(shortbuf);

	/* No name or path can forge a field: each key once, values that unescape to the record. */
	CHECK(count(line, " pid=") == 1 && count(line, " uid=") == 1);
	w = word(line, " comm=", &wl);
	same_bytes(w, wl, e->comm, sizeof(e->comm), true);
	w = word(line, " exe=", &wl);
	if (e->flags & LD_EV_NO_EXE) {
		CHECK(wl == 4 && !strncmp(w, "none", 4));
	} else if (c->exe_path) {
		same_bytes(w, wl, c->exe_path, strlen(c->exe_path), path_whole(c->exe_path));
		CHECK(count(line, " exe_id=") == 0);
	} else {
		if (e->exe_name[0])
			same_bytes(w, wl, e->exe_name, sizeof(e->exe_name), true);
		else
			CHECK(wl == 1 && w[0] == '?');
		CHECK(count(line, " exe_id=") == 1);
	}
	if (e->kind == LD_EVK_TAMPER) {
		CHECK(strncmp(line, "lockdown: deny tamper ", 22) == 0);
		CHECK(count(line, " rule=") == 0 && count(line, " cgroup=") == 0);
		return;
	}
	CHECK(count(line, " cgroup=") == 1);
	w = word(line, " rule=", &wl);
	rule = ld_meta_rule_name(m, e->rule, rulebuf, sizeof(rulebuf));
	if (rule) {
		CHECK(wl == strlen(rule) && !strncmp(w, rule, wl));
		same_bytes(w, wl, m->rule_names[e->rule], sizeof(m->rule_names[0]), true);
	} else {
		CHECK(w[0] == '#');
	}
}

/* The JSON string o.key unescapes to field's bytes. */
CHECKER static void json_same(struct json_object *o, const char *key, const char *field, size_t n,
			      bool whole)
{
	struct json_object *v;
	const char *s;

	CHECK(json_object_object_get_ex(o, key, &v));
	if (!field) {
		CHECK(v == NULL);
		return;
	}
	CHECK(json_object_is_type(v, json_type_string));
	s = json_object_get_string(v);
	same_bytes(s, strlen(s), field, n, whole);
}

CHECKER static void check_json(const struct ld_event *e, const struct ld_event_ctx *c, bool pretty)
{
	int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
		    (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
			    : JSON_C_TO_STRING_PLAIN);
	struct json_object *o = ld_event_json(e, c), *back;
	char *raw, *printed;

	CHECK(o && json_object_is_type(o, json_type_object));
	/* A copy: json-c writes every text of o into one buffer of o's. */
	raw = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
							       JSON_C_TO_STRING_NOSLASHESCAPE));
	CHECK(raw && clean_utf8(raw, strlen(raw)));
	/* What -j prints (ld_json_print) is json-c's text as it is: nothing to repair. */
	printed = ld_json_text(o, flags);
	CHECK(printed);
	if (!pretty)
		CHECK(strcmp(printed, raw) == 0);
	for (const char *l = printed; *l;) {
		size_t n = strcspn(l, "\n");

		CHECK(clean_utf8(l, n));
		l += n + (l[n] == '\n');
	}
	back = json_tokener_parse(printed);
	CHECK(back && json_object_equal(back, o));
	free(printed);
	free(raw);

	json_same(back, "comm", e->comm, sizeof(e->comm), true);
	json_same(back, "parent_comm", e->pcomm, sizeof(e->pcomm), true);
	if (!(e->flags & LD_EV_NO_EXE)) {
		json_same(back, "exe", c->exe_path, c->exe_path ? strlen(c->exe_path) : 0,
			  c->exe_path && path_whole(c->exe_path));
		json_same(back, "exe_name", e->exe_name[0] ? e->exe_name : NULL,
			  sizeof(e->exe_name), true);
	}
	json_object_put(back);
	json_object_put(o);
}

/* The reader's callback: what `lockdown events` does with a record, and more checks. */
CHECKER static int on_event(const struct ld_event *e, const struct ld_event_ctx *ctx, void *arg)
{
	struct run *run = arg;
	struct ld_event_ctx c = *ctx;
	unsigned int cut = run->h->cut;
	char *buf = malloc(cut ? cut : 1);

	CHECK(buf);
	run->called = true;
	/* The same metadata, from buffers of their own size; the input's clocks and path. */
	for (unsigned int g = 0; g < LD_GENS; g++) {
		CHECK(!c.meta[g] || !memcmp(c.meta[g], run->meta[g], sizeof(struct ld_meta)));
		c.meta[g] = c.meta[g] ? run->meta[g] : NULL;
	}
	c.mono_to_real_ns = run->h->mono_to_real;
	if (run->h->flags & FE_EXE_PATH)
		c.exe_path = run->path;
	CHECK(!strcmp(ld_event_verb(e), "deny") || !strcmp(ld_event_verb(e), "audit") ||
	      !strcmp(ld_event_verb(e), "would-deny"));
	check_text(e, &c, cut);
	check_json(e, &c, run->h->flags & FE_PRETTY);

	if (cut) {
		const char *name = ld_meta_rule_name(ld_event_meta(e, c.meta), e->rule, buf, cut);

		CHECK(!name || (name == buf && strlen(buf) < cut && ascii(buf, strlen(buf))));
		ld_format_time(e->ts_ns + (__u64)c.mono_to_real_ns, buf, cut);
		CHECK(strlen(buf) < cut && ascii(buf, strlen(buf)));
	}
	free(buf);
	return 0;
}

CHECKER static bool why_ok(const char *why, size_t size)
{
	size_t n = strnlen(why, size);

	return n > 0 && n < size && ascii(why, n);
}

/* The checks ld_pinned_open() makes, on a forged map info and stamp. */
static void check_pins(const struct fe_head *h, const struct fe_pins *pins)
{
	struct bpf_map_info info = { .type = pins->type,
				     .key_size = pins->key_size,
				     .value_size = pins->value_size,
				     .max_entries = pins->max_entries };
	const struct shape *w = &want[h->map % NMAPS];
	char why[512];
	int err;

	err = stamp_layout_check(&info, why, sizeof(why));
	CHECK(err == 0 || (err == -EPROTO && why_ok(why, sizeof(why))));
	CHECK((err == 0) == (info.type == BPF_MAP_TYPE_ARRAY && info.key_size == 4 &&
			     info.value_size == sizeof(struct ld_abi) && info.max_entries == 1));
	err = stamp_check(&pins->stamp, why, sizeof(why));
	CHECK(err == 0 || (err == -EPROTO && why_ok(why, sizeof(why))));
	CHECK((err == 0) ==
	      (pins->stamp.magic == LD_ABI_MAGIC && pins->stamp.version == LD_ABI_VERSION));
	err = shape_check(&info, pinned_maps[h->map % NMAPS].name, w, why, sizeof(why));
	CHECK(err == 0 || (err == -EPROTO && why_ok(why, sizeof(why))));
	CHECK((err == 0) == (info.type == w->type && info.key_size == w->key &&
			     info.value_size == w->value && info.max_entries == w->max));
	/* In a short buffer: cut, terminated. */
	if (err && h->cut) {
		char *s = malloc(h->cut);

		CHECK(s && shape_check(&info, "x", w, s, h->cut) == -EPROTO);
		CHECK(strlen(s) < h->cut);
		free(s);
	}
}

/* A `meta` entry ld_pinned_meta() accepts: what status and stale exemptions do with it. */
CHECKER static void check_meta(const struct ld_meta *m)
{
	struct json_object *o;
	char *text, when[64];

	CHECK(m->magic == LD_META_MAGIC);
	CHECK(memchr(m->source, '\0', sizeof(m->source)));
	CHECK(ld_text_ok(ld_safe(m->source), strlen(ld_safe(m->source))));
	o = json_object_new_object();
	json_object_object_add(o, "source", json_object_new_string(m->source));
	ld_format_time(m->applied_ns, when, sizeof(when));
	json_object_object_add(o, "applied_at", json_object_new_string(when));
	json_object_object_add(o, "program", json_object_new_string(ld_variant_name(m->variant)));
	text = ld_json_text(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	CHECK(text && clean_utf8(text, strlen(text)));
	free(text);
	json_object_put(o);
}

/* One line of the Prometheus text format: a comment, or name{label="value",...} number. */
CHECKER static void prom_line(const char *s, size_t n)
{
	size_t i = 0;

	CHECK(n > 0 && clean_utf8(s, n));
	if (s[0] == '#') {
		CHECK(n > 7 && (!strncmp(s, "# HELP ", 7) || !strncmp(s, "# TYPE ", 7)));
		return;
	}
	CHECK(n > 9 && !strncmp(s, "lockdown_", 9));
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
		i++;
	if (i < n && s[i] == '{') {
		do {
			i++;
			while (i < n && s[i] >= 'a' && s[i] <= 'z')
				i++;
			CHECK(i + 1 < n && s[i] == '=' && s[i + 1] == '"');
			for (i += 2; i < n && s[i] != '"'; i++)
				if (s[i] == '\\')
					CHECK(++i < n && strchr("\\\"n", s[i]));
			CHECK(i < n);
			i++;
		} while (i < n && s[i] == ',');
		CHECK(i < n && s[i++] == '}');
	}
	CHECK(i < n && s[i++] == ' ' && i < n);
	for (; i < n; i++)
		CHECK(s[i] >= '0' && s[i] <= '9');
}

CHECKER static void prom_text(const char *out, size_t len)
{
	CHECK(len > 0 && out[len - 1] == '\n' && strlen(out) == len);
	for (size_t i = 0; i < len;) {
		size_t l = strcspn(out + i, "\n");

		prom_line(out + i, l);
		i += l + 1;
	}
}

static void check_prom(const struct fe_head *h, const struct ld_event *e,
		       const struct fe_pins *pins, struct ld_meta *const *meta)
{
	static struct ld_snapshot *s, snap; /* not an input's buffer: no need for a heap one */
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	s = &snap;
	memset(s, 0, sizeof(*s));
	s->loaded = h->flags & FE_LOADED;
	s->rs = h->flags & FE_REASONS ? &rs : NULL;
	s->kernel_level = h->level;
	s->have_level = h->flags & FE_LEVEL;
	s->active.gen = e->gen;
	s->active.sealed = h->flags & FE_SEALED ? 1 : 0;
	s->active.sealed_ns = e->ts_ns;
	for (unsigned int i = 0; i < LD_SLOTS; i++)
		s->per[i] = pins->counters[i % 4];
	/* As `lockdown stats` reads it: the entry of the generation in force, if it is that. */
	if (h->flags & (e->gen & 1 ? FE_META1 : FE_META0) && !meta_check(meta[e->gen & 1]) &&
	    meta[e->gen & 1]->gen == e->gen) {
		s->meta = *meta[e->gen & 1];
		s->have_meta = true;
	}
	f = open_memstream(&out, &len);
	CHECK(f);
	ld_prom_write(f, s);
	CHECK(fclose(f) == 0 && out);
	prom_text(out, len);
	free(out);
}

/* Take n bytes of the input into out, zero bytes past its end. */
CHECKER static void take(const uint8_t **data, size_t *size, void *out, size_t n)
{
	size_t k = *size < n ? *size : n;

	memset(out, 0, n);
	memcpy(out, *data, k);
	*data += k;
	*size -= k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ld_pinned p;
	static struct reader reader; /* holds copies of the entries, each also in a buffer */
	struct reader *r = &reader;
	struct run run = { 0 };
	struct fe_head h;
	struct fe_pins pins;
	struct ld_event *e = malloc(sizeof(*e));
	char *record, *path;
	size_t rsize;

	CHECK(e);
	memset(r, 0, sizeof(*r));
	take(&data, &size, &h, sizeof(h));
	take(&data, &size, e, sizeof(*e));
	take(&data, &size, &pins, sizeof(pins));
	for (unsigned int g = 0; g < LD_GENS; g++) {
		run.meta[g] = malloc(sizeof(struct ld_meta));
		CHECK(run.meta[g]);
		take(&data, &size, run.meta[g], sizeof(struct ld_meta));
	}
	/* readlink() into a PATH_MAX buffer: at most PATH_MAX - 1 bytes, then a NUL. */
	if (size > PATH_MAX - 1)
		size = PATH_MAX - 1;
	path = malloc(size + 1);
	CHECK(path);
	memcpy(path, data, size);
	path[size] = '\0';
	run.path = path;
	run.h = &h;

	check_pins(&h, &pins);
	for (unsigned int g = 0; g < LD_GENS; g++)
		if (meta_check(run.meta[g]) == 0)
			check_meta(run.meta[g]);

	/* The record as the ring buffer hands it over: exactly record_size bytes. */
	rsize = h.record_size ? h.record_size : sizeof(*e);
	record = calloc(1, rsize);
	CHECK(record);
	memcpy(record, e, rsize < sizeof(*e) ? rsize : sizeof(*e));
	for (size_t i = 0; i < NMAPS; i++)
		FD(&p, i) = -1;
	r->p = &p;
	r->rs = h.flags & FE_REASONS ? &rs : NULL;
	r->fn = on_event;
	r->arg = &run;
	/* What refresh() read: the entries ld_pinned_meta() accepts. */
	for (unsigned int g = 0; g < LD_GENS; g++) {
		r->have_meta[g] = h.flags & (g ? FE_META1 : FE_META0) && !meta_check(run.meta[g]);
		memcpy(&r->meta[g], run.meta[g], sizeof(struct ld_meta));
	}
	CHECK(on_record(r, record, rsize) == 0);
	CHECK(run.called == (rsize >= sizeof(*e)));

	check_prom(&h, e, &pins, run.meta);

	free(record);
	free(path);
	for (unsigned int g = 0; g < LD_GENS; g++)
		free(run.meta[g]);
	free(e);
	return 0;
}
