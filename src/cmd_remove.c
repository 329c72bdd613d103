// SPDX-License-Identifier: GPL-2.0-only
/* lockdown remove: unpin the enforcer; the program detaches and nothing is enforced. */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>

static void usage(FILE *f)
{
	fprintf(f, "usage: lockdown remove\n\n"
		   "Stop enforcing: unpin the program, its link and maps from " LD_PIN_DIR ".\n"
		   "The program detaches at once; its counters and buffered events are gone.\n"
		   "The kernel's own lockdown level is not touched (it cannot be lowered).\n"
		   "Nothing loaded is not an error.\n\n"
		   "exit status: 0 removed or nothing loaded, 1 sealed, 2 system error.\n\n"
		   "example:\n"
		   "  lockdown remove && lockdown status\n");
}

int cmd_remove(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	char why[512];
	int ch, err;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			usage(stdout);
			return LD_EXIT_OK;
		}
		usage(stderr);
		return LD_EXIT_ERR;
	}
	if (optind != argc) {
		ld_err("remove: unexpected argument '%s'", argv[optind]);
		return LD_EXIT_ERR;
	}
	err = ld_enforcer_remove(why, sizeof(why));
	if (ld_g.json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "removed", json_object_new_boolean(err == 0));
		json_object_object_add(o, "was_loaded", json_object_new_boolean(err != -ENOENT));
		if (err && err != -ENOENT)
			json_object_object_add(o, "error", json_object_new_string(why));
		ld_json_print(o);
	}
	if (err == -ENOENT) {
		if (!ld_g.json)
			printf("lockdown: nothing to remove (no policy loaded)\n");
		return LD_EXIT_OK;
	}
	if (err) {
		ld_err("remove: %s", why);
		return err == -EBUSY ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	if (!ld_g.json)
		printf("lockdown: enforcer removed; nothing is enforced beyond the kernel's own "
		       "level\n");
	return LD_EXIT_OK;
}
