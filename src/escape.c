// SPDX-License-Identifier: GPL-2.0-only
#include "escape.h"

#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. Overlongs, surrogates and
 * code points above U+10FFFF are invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned int cp;
	size_t len;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	/* C1 controls (U+0080..U+009F) are as bad as C0 ones on a terminal. */
	if (len == 2 && cp < 0xa0)
		return 0;
	return len;
}

char *ld_field_escape(const char *in, size_t inlen, enum ld_escape_mode mode, char *out,
		      size_t outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0, n = strnlen(in, inlen);

	if (!outlen)
		return out;
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		char esc[5];
		const char *piece;

		if (s[i] == '\\') {
			piece = "\\\\";
			len = 1;
		} else if (s[i] > 0x20 && s[i] < 0x7f) {
			piece = NULL;
		} else if (mode == LD_ESC_JSON && s[i] == ' ') {
			piece = NULL;
		} else if (mode == LD_ESC_JSON && s[i] >= 0x80 && (len = utf8_len(s + i, n - i))) {
			piece = NULL;
		} else {
			len = 1;
			snprintf(esc, sizeof(esc), "\\x%02x", s[i]);
			piece = esc;
		}
		if (piece) {
			size_t pl = strlen(piece);

			if (o + pl >= outlen)
				break;
			memcpy(out + o, piece, pl);
			o += pl;
		} else {
			if (o + len >= outlen)
				break;
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	out[o] = '\0';
	return out;
}
