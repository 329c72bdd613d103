// SPDX-License-Identifier: GPL-2.0-only
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <bpf/btf.h>
#include <stdio.h>

#include "kernels.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* DBG_* backported, the BPF_READ_KERNEL name, no DEVICE_TREE/RTAS/XEN and no XFRM_SECRET. */
static const char *const k510[] = {
	"NONE",
	"MODULE_SIGNATURE",
	"DEV_MEM",
	"EFI_TEST",
	"KEXEC",
	"HIBERNATION",
	"PCI_ACCESS",
	"IOPORT",
	"MSR",
	"ACPI_TABLES",
	"PCMCIA_CIS",
	"TIOCSSERIAL",
	"MODULE_PARAMETERS",
	"MMIOTRACE",
	"DEBUGFS",
	"XMON_WR",
	"BPF_WRITE_USER",
	"DBG_WRITE_KERNEL",
	"INTEGRITY_MAX",
	"KCORE",
	"KPROBES",
	"BPF_READ_KERNEL",
	"DBG_READ_KERNEL",
	"PERF",
	"TRACEFS",
	"XMON_RW",
	"CONFIDENTIALITY_MAX",
};

/* DEVICE_TREE, RTAS_ERROR_INJECTION and XEN_USER_ACTIONS inserted; XFRM_SECRET added. */
static const char *const k61[] = {
	"NONE",
	"MODULE_SIGNATURE",
	"DEV_MEM",
	"EFI_TEST",
	"KEXEC",
	"HIBERNATION",
	"PCI_ACCESS",
	"IOPORT",
	"MSR",
	"ACPI_TABLES",
	"DEVICE_TREE",
	"PCMCIA_CIS",
	"TIOCSSERIAL",
	"MODULE_PARAMETERS",
	"MMIOTRACE",
	"DEBUGFS",
	"XMON_WR",
	"BPF_WRITE_USER",
	"DBG_WRITE_KERNEL",
	"RTAS_ERROR_INJECTION",
	"XEN_USER_ACTIONS",
	"INTEGRITY_MAX",
	"KCORE",
	"KPROBES",
	"BPF_READ_KERNEL",
	"DBG_READ_KERNEL",
	"PERF",
	"TRACEFS",
	"XMON_RW",
	"XFRM_SECRET",
	"CONFIDENTIALITY_MAX",
};

const struct ld_test_kernel ld_test_k510 = { k510, N(k510) };
const struct ld_test_kernel ld_test_k61 = { k61, N(k61) };

void ld_test_write_btf(const char *path, const char *enum_name, const char *const *names, size_t n)
{
	struct btf *btf = btf__new_empty();
	const void *raw;
	__u32 size;
	FILE *f;

	assert_non_null(btf);
	assert_true(btf__add_int(btf, "int", 4, BTF_INT_SIGNED) > 0);
	assert_true(btf__add_enum(btf, enum_name, 4) > 0);
	for (size_t i = 0; i < n; i++) {
		char full[64];

		snprintf(full, sizeof(full), "LOCKDOWN_%s", names[i]);
		assert_int_equal(btf__add_enum_value(btf, full, (__s64)i), 0);
	}
	raw = btf__raw_data(btf, &size);
	assert_non_null(raw);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(raw, 1, size, f), size);
	fclose(f);
	btf__free(btf);
}

void ld_test_load_kernel(const char *path, const struct ld_test_kernel *k, struct ld_reasons *rs)
{
	char err[256];

	ld_test_write_btf(path, "lockdown_reason", k->names, k->count);
	assert_int_equal(ld_reasons_load(path, rs, err, sizeof(err)), 0);
}
