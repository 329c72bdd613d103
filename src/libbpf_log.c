// SPDX-License-Identifier: GPL-2.0-only
/* libbpf's messages: one callback for the whole program (see libbpf_log.h). */
#include "libbpf_log.h"

#include <bpf/libbpf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char last[256];

static int ld_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char *text = NULL, *s, *save = NULL;

	if (getenv("LOCKDOWN_DEBUG"))
		return vfprintf(stderr, fmt, ap);
	if (level == LIBBPF_DEBUG || vasprintf(&text, fmt, ap) < 0)
		return 0;
	for (s = strtok_r(text, "\n", &save); s; s = strtok_r(NULL, "\n", &save)) {
		if (strstr(s, "PROG LOAD LOG") || strncmp(s, "libbpf:", 7) == 0 ||
		    strncmp(s, "processed ", 10) == 0 || !*s)
			continue;
		/* The verifier's reason is its last line, unless a helper was refused earlier. */
		if (!strstr(last, "unknown func"))
			snprintf(last, sizeof(last), "%s", s);
	}
	free(text);
	return 0;
}

void ld_libbpf_log_install(void)
{
	last[0] = '\0';
	libbpf_set_print(ld_libbpf_print);
}

const char *ld_libbpf_log_last(void)
{
	return last;
}
