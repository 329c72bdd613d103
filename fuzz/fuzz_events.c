// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz-events: the event renderer and what it reads from pinned maps, on forged records.
 * An event record comes from the ring buffer and the names it points at from the pinned
 * `meta` map: state another version of lockdown, or root, can write. Every byte is the
 * input's: the record, both generations' metadata (rule names filling their arrays, no NUL),
 * the offset between the clocks, the executable's path as /proc would give it, and counters.
 *
 * Input: [flags byte][struct ld_event][struct ld_meta][struct ld_meta][__s64][counters][path]
 * (a short input is padded with zero bytes). Checked for each:
 *   - ld_event_text(): one line of printable ASCII, never longer than it said;
 *   - ld_event_json(): JSON that parses back, in valid UTF-8;
 *   - ld_prom_write() of a snapshot holding the forged meta and counters: lines of UTF-8
 *     without control bytes (the exposition format is UTF-8).
 * Seeds: fuzz/corpus/events (records of each kind, outcome and flag; names and paths with
 * newlines, escapes and invalid UTF-8).
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "enforcer/enforcer.h"
#include "fuzz.h"
#include "reasons.h"
#include "util.h"

struct input {
	uint8_t flags;
	struct ld_event e;
	struct ld_meta meta[LD_GENS];
	__s64 mono_to_real;
	struct ld_counters counters[4];
};

/* A reason table like a kernel's: numbers 1..30, half of them integrity. */
static const struct ld_reasons *reasons(void)
{
	static struct ld_reasons rs;

	if (!rs.count) {
		for (unsigned int i = 1; i <= 30; i++) {
			struct ld_reason *r = &rs.r[rs.count++];

			r->number = i;
			snprintf(r->name, sizeof(r->name), "reason_%u", i);
			snprintf(r->kernel_name, sizeof(r->kernel_name), "reason_%u", i);
			r->class = i < 16 ? LD_CLASS_INTEGRITY : LD_CLASS_CONFIDENTIALITY;
			r->description = i % 7 ? "a description" : NULL;
		}
		rs.integrity_max = 16;
		rs.confidentiality_max = 31;
	}
	return &rs;
}

/* No control byte (C0 or DEL), newlines aside where allowed; with ascii, nothing above 0x7e. */
static bool printable(const char *s, size_t n, bool newlines, bool ascii)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' && newlines)
			continue;
		if (c < 0x20 || c == 0x7f || (ascii && c > 0x7f))
			return false;
	}
	return true;
}

/* Well-formed UTF-8 sequences (lead and continuation bytes). */
static bool utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3;
		else
			return false;
		if (k >= n - i)
			return false;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xc0) != 0x80)
				return false;
		i += k + 1;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	struct ld_event_ctx ctx = { 0 };
	struct ld_snapshot snap = { 0 };
	struct json_object *o, *back;
	char line[8192], path[512], *json, *prom = NULL;
	size_t take = size < sizeof(in) ? size : sizeof(in), plen = 0;
	FILE *f;
	int n;

	memset(&in, 0, sizeof(in));
	memcpy(&in, data, take);
	if (size > sizeof(in)) {
		plen = size - sizeof(in);
		if (plen >= sizeof(path))
			plen = sizeof(path) - 1;
		memcpy(path, data + sizeof(in), plen);
	}
	path[plen] = '\0';

	ctx.rs = in.flags & 1 ? reasons() : NULL;
	ctx.meta[0] = in.flags & 2 ? &in.meta[0] : NULL;
	ctx.meta[1] = in.flags & 4 ? &in.meta[1] : NULL;
	ctx.mono_to_real_ns = in.mono_to_real;
	ctx.exe_path = in.flags & 8 && plen == strlen(path) ? path : NULL;

	n = ld_event_text(&in.e, &ctx, line, sizeof(line));
	CHECK(n >= 0 && (size_t)n < sizeof(line));
	CHECK(strlen(line) == (size_t)n && printable(line, (size_t)n, false, true));

	o = ld_event_json(&in.e, &ctx);
	CHECK(o);
	json = ld_json_text(o, JSON_C_TO_STRING_PLAIN);
	CHECK(json && utf8((const unsigned char *)json, strlen(json)));
	back = json_tokener_parse(json);
	CHECK(back && json_object_is_type(back, json_type_object));
	json_object_put(back);
	free(json);
	json_object_put(o);

	snap.loaded = true;
	snap.rs = ctx.rs;
	snap.have_meta = in.flags & 16;
	snap.meta = in.meta[0];
	memcpy(&snap.active, &in.e,
	       sizeof(snap.active) < sizeof(in.e) ? sizeof(snap.active) : sizeof(in.e));
	for (unsigned int i = 0; i < LD_SLOTS; i++)
		snap.per[i] = in.counters[i % 4];
	snap.have_level = in.flags & 32;
	snap.kernel_level = in.flags >> 6;
	f = open_memstream(&prom, &take);
	CHECK(f);
	ld_prom_write(f, &snap);
	CHECK(fclose(f) == 0);
	CHECK(prom && printable(prom, take, true, false));
	CHECK(utf8((const unsigned char *)prom, take));
	free(prom);
	return 0;
}
