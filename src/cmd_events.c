// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown events: read the enforcer's reports (audited and denied calls) from its ring
 * buffer and print them like the kernel's own notices, or as JSON lines.
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

struct events_state {
	bool journal; /* --journal: to the systemd journal, not stdout */
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* Stop at SIGINT or SIGTERM; a closed pipe is an output error (EPIPE), never a signal. */
static void handle_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: the poll returns at once */
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static int print_event(const struct ld_event *e, const struct ld_event_ctx *ec, void *arg)
{
	struct events_state *s = arg;
	char line[2048];

	if (s->journal) {
		int err = ld_journal_event(e, ec);

		if (err < 0)
			ld_warn("events: writing to the journal: %s", strerror(-err));
		return 0;
	}
	if (ld_g.json) {
		ld_json_print(ld_event_json(e, ec));
	} else {
		ld_event_text(e, ec, line, sizeof(line));
		puts(line);
	}
	/* A reader that went away (EPIPE) ends the command, quietly. */
	return ferror(stdout) || fflush(stdout) != 0 ? -EPIPE : 0;
}

int cmd_events(int argc, char **argv)
{
	struct events_state s = { 0 };
	struct ld_read_opts o = { .stop = &stop };
	struct ld_reasons rs;
	bool have_rs;
	struct ld_pinned p;
	struct ld_args a;
	char why[512];
	int err;

	if (!ld_args_parse("events", argc, argv, &a))
		return a.exit;
	o.follow = ld_flag(&a, "follow");
	s.journal = ld_flag(&a, "journal");
	if (s.journal && !ld_journal_available())
		return ld_usage_error("events", "--journal: this lockdown was built without "
						"libsystemd");
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err) {
		ld_err("events: %s", why);
		return err == -EPROTO ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	have_rs = ld_reasons_load(NULL, &rs, why, sizeof(why)) == 0;
	if (!have_rs)
		ld_warn("reason names unavailable (%s): printing numbers", why);
	handle_signals();
	err = ld_events_read(&p, have_rs ? &rs : NULL, &o, print_event, &s);
	ld_pinned_close(&p);
	if (err == -ENOENT) {
		ld_warn("events: the enforcer was removed");
		return LD_EXIT_OK;
	}
	if (err < 0 && err != -EPIPE) {
		ld_err("events: reading the event buffer: %s", strerror(-err));
		return LD_EXIT_ERR;
	}
	return LD_EXIT_OK;
}
