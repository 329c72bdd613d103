// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown status: what protects the running kernel image right now.
 *
 * Facts are gathered once into a JSON object; the human view is rendered from that object, so
 * the two outputs cannot disagree. A field that cannot be read (root-only file, BIOS boot) gets
 * null and an entry in "errors" instead of failing the whole command.
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "kstate.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#define SIG_ENFORCE_PATH "/sys/module/module/parameters/sig_enforce"

static void set_error(struct json_object *errors, const char *field, const char *msg)
{
	json_object_object_add(errors, field, json_object_new_string(msg));
}

static void gather_securityfs(struct json_object *st, struct json_object *errors)
{
	struct ld_securityfs fs;
	struct ld_lsm_list lsms;
	enum ld_level level;
	char path[300], why[512], buf[512];
	int ret;

	if (ld_securityfs_find(&fs, false, why, sizeof(why)) != 0) {
		json_object_object_add(st, "kernel_level", NULL);
		json_object_object_add(st, "lsms", NULL);
		set_error(errors, "kernel_level", why);
		set_error(errors, "lsms", why);
		return;
	}
	ret = ld_securityfs_file(&fs, "lockdown", path, sizeof(path));
	if (ret == 0)
		ret = ld_read_level_file(path, &level);
	if (ret == 0) {
		json_object_object_add(st, "kernel_level",
				       json_object_new_string(ld_level_name(level)));
	} else {
		snprintf(why, sizeof(why), "%s: %s", path,
			 ret == -ENOENT	  ? "absent (kernel built without the lockdown LSM)"
			 : ret == -EINVAL ? "unexpected content"
					  : ld_errno_hint(-ret));
		json_object_object_add(st, "kernel_level", NULL);
		set_error(errors, "kernel_level", why);
	}

	ret = ld_securityfs_file(&fs, "lsm", path, sizeof(path));
	if (ret == 0)
		ret = ld_read_lsm_file(path, &lsms);
	if (ret == 0) {
		struct json_object *arr = json_object_new_array();
		bool bpf = ld_lsm_list_has(&lsms, "bpf");

		for (unsigned int i = 0; i < lsms.count; i++)
			json_object_array_add(arr, json_object_new_string(lsms.names[i]));
		json_object_object_add(st, "lsms", arr);
		json_object_object_add(st, "bpf_lsm_active", json_object_new_boolean(bpf));
		if (!bpf && ld_lsm_bpf_param(&lsms, buf, sizeof(buf)) == 0)
			json_object_object_add(st, "bpf_lsm_boot_parameter",
					       json_object_new_string(buf));
	} else {
		snprintf(why, sizeof(why), "%s: %s", path,
			 ret == -EINVAL ? "unexpected content" : ld_errno_hint(-ret));
		json_object_object_add(st, "lsms", NULL);
		json_object_object_add(st, "bpf_lsm_active", NULL);
		set_error(errors, "lsms", why);
	}
}

static void add_efivar(struct json_object *st, struct json_object *errors, const char *field,
		       const char *name, const char *guid)
{
	char why[256];
	uint8_t v = 0;
	int err;

	switch (ld_read_efivar_u8(name, guid, &v, &err)) {
	case LD_EFIVAR_OK:
		json_object_object_add(st, field, json_object_new_boolean(v == 1));
		return;
	case LD_EFIVAR_NOT_EFI:
		json_object_object_add(st, field, NULL);
		set_error(errors, field, "not an EFI boot (no /sys/firmware/efi)");
		return;
	case LD_EFIVAR_NO_EFIVARFS:
		snprintf(why, sizeof(why), "efivarfs is not mounted on /sys/firmware/efi/efivars");
		break;
	case LD_EFIVAR_ABSENT:
		snprintf(why, sizeof(why), "EFI variable %s is absent", name);
		break;
	case LD_EFIVAR_ERROR:
		snprintf(why, sizeof(why), "EFI variable %s: %s", name,
			 err == EINVAL ? "malformed" : ld_errno_hint(err));
		break;
	}
	json_object_object_add(st, field, NULL);
	set_error(errors, field, why);
}

static struct json_object *gather(void)
{
	struct json_object *st = json_object_new_object();
	struct json_object *errors = json_object_new_object();
	struct utsname u;
	char why[256];
	int sig;

	if (uname(&u) == 0)
		json_object_object_add(st, "kernel_version", json_object_new_string(u.release));
	gather_securityfs(st, errors);
	add_efivar(st, errors, "secure_boot", "SecureBoot", LD_EFI_GLOBAL_GUID);
	add_efivar(st, errors, "setup_mode", "SetupMode", LD_EFI_GLOBAL_GUID);

	sig = ld_read_sig_enforce(SIG_ENFORCE_PATH);
	if (sig >= 0) {
		json_object_object_add(st, "module_sig_enforce", json_object_new_boolean(sig));
	} else {
		snprintf(why, sizeof(why), "%s: %s", SIG_ENFORCE_PATH,
			 sig == -ENOENT ? "absent (kernel built without CONFIG_MODULE_SIG)"
					: ld_errno_hint(-sig));
		json_object_object_add(st, "module_sig_enforce", NULL);
		set_error(errors, "module_sig_enforce", why);
	}
	ld_enforcer_status_gather(st, errors);
	json_object_object_add(st, "errors", errors);
	return st;
}

/* Value of a field for the human view, or the reason it is missing; safe for a terminal. */
static const char *field_text(struct json_object *st, const char *key, const char *yes,
			      const char *no)
{
	struct json_object *v, *errors, *e;

	if (json_object_object_get_ex(st, key, &v) && v) {
		if (json_object_is_type(v, json_type_boolean))
			return json_object_get_boolean(v) ? yes : no;
		return ld_safe(json_object_get_string(v));
	}
	if (json_object_object_get_ex(st, "errors", &errors) &&
	    json_object_object_get_ex(errors, key, &e))
		return ld_safe(json_object_get_string(e));
	return "unknown";
}

static void render(struct json_object *st)
{
	struct json_object *lsms, *param;
	const char *level = field_text(st, "kernel_level", "", "");

	printf("%-20s %s\n", "kernel", field_text(st, "kernel_version", "", ""));
	printf("%-20s %s\n", "lockdown level", level);
	if (json_object_object_get_ex(st, "lsms", &lsms) && lsms) {
		printf("%-20s ", "active LSMs");
		for (size_t i = 0; i < json_object_array_length(lsms); i++)
			printf("%s%s", i ? "," : "",
			       ld_safe(json_object_get_string(json_object_array_get_idx(lsms, i))));
		printf("\n");
	} else {
		printf("%-20s %s\n", "active LSMs", field_text(st, "lsms", "", ""));
	}
	printf("%-20s %s\n", "BPF LSM",
	       field_text(st, "bpf_lsm_active", "active",
			  "not active: fine-grained enforcement is unavailable"));
	if (json_object_object_get_ex(st, "bpf_lsm_boot_parameter", &param))
		printf("%-20s add %s to the kernel command line and reboot\n", "",
		       ld_safe(json_object_get_string(param)));
	printf("%-20s %s\n", "Secure Boot", field_text(st, "secure_boot", "enabled", "disabled"));
	printf("%-20s %s\n", "EFI setup mode", field_text(st, "setup_mode", "yes", "no"));
	printf("%-20s %s\n", "module.sig_enforce",
	       field_text(st, "module_sig_enforce", "yes", "no"));
	ld_enforcer_status_render(st);
}

int cmd_status(int argc, char **argv)
{
	struct json_object *st;
	struct ld_args a;

	if (!ld_args_parse("status", argc, argv, &a))
		return a.exit;
	st = gather();
	if (ld_g.json) {
		ld_json_print(st);
	} else {
		render(st);
		json_object_put(st);
	}
	return LD_EXIT_OK;
}
