// SPDX-License-Identifier: GPL-2.0-only
/* enum lockdown_reason of real kernels, as data (no test framework): the unit tests and the
 * fuzz harnesses build their BTF from it. */
#include <stddef.h>

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
