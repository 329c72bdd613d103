// SPDX-License-Identifier: GPL-2.0-only
/* lockdown remove: unpin the enforcer; the program detaches and nothing is enforced. */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>

int cmd_remove(int argc, char **argv)
{
	struct ld_args a;
	char why[512];
	int err;

	if (!ld_args_parse("remove", argc, argv, &a))
		return a.exit;
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
