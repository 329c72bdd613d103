// SPDX-License-Identifier: GPL-2.0-only
/*
 * The audit's checks, as data. One row per check and expectation; a profile picks rows by a
 * severity other than LD_SEV_NONE, so profiles change expectations and severities here and
 * nowhere else. At most one row per id and profile.
 *
 * Expectations are any/all/first combinations of conditions. "first" lets the runtime state
 * decide when it can be read and falls back to what the config and command line say.
 */
#include "audit/audit.h"

#define COND(s, k, o, a, lo, hi)                                                                   \
	{                                                                                          \
		.kind = LD_E_COND, .src = (s), .key = (k), .op = (o), .arg = (a), .kmin = (lo),    \
		.kmax = (hi)                                                                       \
	}
#define ANY(...)                                                                                   \
	{                                                                                          \
		.kind = LD_E_ANY, .sub = (const struct ld_expr[])                                  \
		{                                                                                  \
			__VA_ARGS__,                                                               \
			{                                                                          \
				0                                                                  \
			}                                                                          \
		}                                                                                  \
	}
#define ALL(...)                                                                                   \
	{                                                                                          \
		.kind = LD_E_ALL, .sub = (const struct ld_expr[])                                  \
		{                                                                                  \
			__VA_ARGS__,                                                               \
			{                                                                          \
				0                                                                  \
			}                                                                          \
		}                                                                                  \
	}
#define FIRST(...)                                                                                 \
	{                                                                                          \
		.kind = LD_E_FIRST, .sub = (const struct ld_expr[])                                \
		{                                                                                  \
			__VA_ARGS__,                                                               \
			{                                                                          \
				0                                                                  \
			}                                                                          \
		}                                                                                  \
	}

/* Kernel config. */
#define KY(n)		      COND(LD_SRC_KCONFIG, n, LD_OP_Y, NULL, 0, 0)
#define KN(n)		      COND(LD_SRC_KCONFIG, n, LD_OP_UNSET, NULL, 0, 0)
#define KY_V(n, lo, hi)	      COND(LD_SRC_KCONFIG, n, LD_OP_Y, NULL, lo, hi)
#define KN_V(n, lo, hi)	      COND(LD_SRC_KCONFIG, n, LD_OP_UNSET, NULL, lo, hi)
#define KONEOF(n, a)	      COND(LD_SRC_KCONFIG, n, LD_OP_ONEOF, a, 0, 0)
/* Command line. */
#define CL_ABSENT(n)	      COND(LD_SRC_CMDLINE, n, LD_OP_ABSENT, NULL, 0, 0)
#define CL_TRUE(n)	      COND(LD_SRC_CMDLINE, n, LD_OP_TRUE, NULL, 0, 0)
#define CL_LEVEL(l)	      COND(LD_SRC_CMDLINE, "lockdown", LD_OP_LEVEL_GE, l, 0, 0)
#define CL_LSM(n)	      COND(LD_SRC_CMDLINE, "@lsm_order", LD_OP_HAS, n, 0, 0)
/* Sysctls. */
#define SY_GE(k, v)	      COND(LD_SRC_SYSCTL, k, LD_OP_GE, v, 0, 0)
#define SY_EQ(k, v)	      COND(LD_SRC_SYSCTL, k, LD_OP_EQ, v, 0, 0)
#define SY_BITCLR(k, b)	      COND(LD_SRC_SYSCTL, k, LD_OP_BIT_CLEAR, b, 0, 0)
/* Runtime files. */
#define RT_LEVEL(l)	      COND(LD_SRC_RUNTIME, "lockdown", LD_OP_LEVEL_GE, l, 0, 0)
#define RT_LSM(n)	      COND(LD_SRC_RUNTIME, "lsm", LD_OP_HAS, n, 0, 0)
#define RT_TRUE(k)	      COND(LD_SRC_RUNTIME, k, LD_OP_TRUE, NULL, 0, 0)
#define RT_EQ(k, v)	      COND(LD_SRC_RUNTIME, k, LD_OP_EQ, v, 0, 0)
#define RT_ABSENT_OR_EQ(k, v) COND(LD_SRC_RUNTIME, k, LD_OP_ABSENT_OR_EQ, v, 0, 0)

#define V(a, b) LD_KVER(a, b)

/* The lockdown LSM is built and initialised (early, or through the LSM order). */
#define LOCKDOWN_LSM_LIVE                                                                          \
	KY("SECURITY_LOCKDOWN_LSM"), ANY(KY("SECURITY_LOCKDOWN_LSM_EARLY"), CL_LSM("lockdown"))

/* The level the kernel reaches during boot, before any user space runs. */
#define BOOT_INTEGRITY                                                                             \
	ANY(ALL(CL_LEVEL("integrity"), LOCKDOWN_LSM_LIVE), KY("LOCK_DOWN_KERNEL_FORCE_INTEGRITY"), \
	    KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY"),                                          \
	    ALL(RT_EQ("efi:SecureBoot", "1"),                                                      \
		ANY(KY_V("LOCK_DOWN_IN_EFI_SECURE_BOOT", V(5, 4), 0),                              \
		    KY_V("LOCK_DOWN_IN_SECURE_BOOT", 0, V(5, 4)))))
#define BOOT_CONFIDENTIALITY                                                                       \
	ANY(ALL(CL_LEVEL("confidentiality"), LOCKDOWN_LSM_LIVE),                                   \
	    KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY"))

/* The level now: the running kernel's own answer when it can be read, else the boot level. */
#define LEVEL_INTEGRITY	      FIRST(RT_LEVEL("integrity"), BOOT_INTEGRITY)
#define LEVEL_CONFIDENTIALITY FIRST(RT_LEVEL("confidentiality"), BOOT_CONFIDENTIALITY)

#define SEV(cf, kspp)                                                                              \
	{                                                                                          \
		[LD_PROFILE_CLOUDFLARE] = cf, [LD_PROFILE_KSPP] = kspp                             \
	}
#define N LD_SEV_NONE
#define I LD_SEV_INFO
#define L LD_SEV_LOW
#define M LD_SEV_MEDIUM
#define H LD_SEV_HIGH

#define SRC_LOCKDOWN "kernel_lockdown(7)"
#define SRC_KSPP     "KSPP recommended settings"
#define SRC_MODSIG   "Documentation/admin-guide/module-signing.rst"
#define SRC_SYSCTL   "Documentation/admin-guide/sysctl/kernel.rst"
#define SRC_PARAMS   "Documentation/admin-guide/kernel-parameters.txt"

const struct ld_check ld_checks[] = {
	/* Module signing. */
	{ "modules.sig_enforced", "module signatures enforced (effective)", "modules", SEV(H, H), 0,
	  0,
	  ANY(KN("MODULES"), KY("MODULE_SIG_FORCE"), CL_TRUE("module.sig_enforce"),
	      RT_TRUE("sig_enforce"), LEVEL_INTEGRITY),
	  SRC_MODSIG, "an unsigned module is arbitrary code in ring 0: root becomes the kernel",
	  "enforce signatures: CONFIG_MODULE_SIG_FORCE=y, or boot with module.sig_enforce=1 or "
	  "lockdown=integrity, or run `lockdown raise integrity`",
	  "CONFIG_MODULE_SIG=y\nCONFIG_MODULE_SIG_FORCE=y", NULL, "module.sig_enforce=1" },
	{ "modules.sig", "module signature support built (MODULE_SIG)", "modules", SEV(H, H), 0, 0,
	  ANY(KN("MODULES"), KY("MODULE_SIG")), SRC_MODSIG,
	  "without MODULE_SIG no setting can require signed modules",
	  "build with CONFIG_MODULE_SIG=y", "CONFIG_MODULE_SIG=y", NULL, NULL },
	{ "modules.sig_force", "signatures forced by the config (MODULE_SIG_FORCE)", "modules",
	  SEV(I, M), 0, 0, ANY(KN("MODULES"), KY("MODULE_SIG_FORCE")), SRC_KSPP,
	  "a config-forced requirement holds from the first module on, whatever the boot "
	  "parameters say",
	  "build with CONFIG_MODULE_SIG_FORCE=y", "CONFIG_MODULE_SIG_FORCE=y", NULL, NULL },
	{ "modules.sig_all", "every module signed at build time (MODULE_SIG_ALL)", "modules",
	  SEV(I, L), 0, 0, ANY(KN("MODULES"), KY("MODULE_SIG_ALL")), SRC_MODSIG,
	  "distributions may sign in a separate step; otherwise unsigned in-tree modules fail to "
	  "load once signatures are enforced",
	  "build with CONFIG_MODULE_SIG_ALL=y or sign modules when packaging",
	  "CONFIG_MODULE_SIG_ALL=y", NULL, NULL },
	{ "modules.sig_hash", "module signature hash SHA-256 or stronger", "modules", SEV(M, M), 0,
	  0,
	  ANY(KN("MODULES"),
	      KONEOF("MODULE_SIG_HASH", "sha256,sha384,sha512,sha3-256,sha3-384,sha3-512")),
	  SRC_KSPP, "SHA-1 and SHA-224 signatures are weak or deprecated",
	  "build with CONFIG_MODULE_SIG_SHA512=y", "CONFIG_MODULE_SIG_SHA512=y", NULL, NULL },
	{ "modules.strict_rwx", "module memory W^X (STRICT_MODULE_RWX)", "modules", SEV(H, H), 0, 0,
	  ANY(KN("MODULES"), KY("STRICT_MODULE_RWX")), SRC_KSPP,
	  "writable and executable module memory makes kernel code injection easy",
	  "build with CONFIG_STRICT_MODULE_RWX=y", "CONFIG_STRICT_MODULE_RWX=y", NULL, NULL },
	{ "modules.sig_enforce_param", "module.sig_enforce set at runtime", "modules", SEV(I, I), 0,
	  0, ANY(KN("MODULES"), RT_TRUE("sig_enforce")), SRC_PARAMS,
	  "the parameter shows enforcement by config or boot parameter; lockdown enforces "
	  "without setting it",
	  "boot with module.sig_enforce=1", NULL, NULL, "module.sig_enforce=1" },
	{ "modules.unsigned_taint", "no unsigned module loaded (taint E, bit 13)", "modules",
	  SEV(M, M), 0, 0, SY_BITCLR("kernel.tainted", "13"), SRC_SYSCTL,
	  "an unsigned module was loaded before enforcement began: the kernel may already be "
	  "modified",
	  "find it with `grep '(.*E.*)' /proc/modules`, remove it and reboot", NULL, NULL, NULL },
	{ "modules.disabled", "module loading switched off after boot (kernel.modules_disabled)",
	  "modules", SEV(I, L), 0, 0, ANY(KN("MODULES"), SY_EQ("kernel.modules_disabled", "1")),
	  SRC_SYSCTL, "once set, no module can be loaded at all until reboot",
	  "set kernel.modules_disabled=1 once the needed modules are loaded", NULL,
	  "kernel.modules_disabled = 1", NULL },

	/* kexec: another kernel replaces this one. */
	{ "kexec.load", "unsigned kexec_load blocked", "kexec", SEV(H, N), 0, 0,
	  ANY(KN("KEXEC"), SY_EQ("kernel.kexec_load_disabled", "1"), LEVEL_INTEGRITY), SRC_LOCKDOWN,
	  "kexec_load boots any image the caller hands in: an unsigned kernel in place of this one",
	  "build without CONFIG_KEXEC, or set kernel.kexec_load_disabled=1, or lock down "
	  "(lockdown=integrity)",
	  "# CONFIG_KEXEC is not set", "kernel.kexec_load_disabled = 1", "lockdown=integrity" },
	{ "kexec.load", "kexec_load not built (KEXEC)", "kexec", SEV(N, H), 0, 0, KN("KEXEC"),
	  SRC_KSPP, "no kexec at all: nothing can replace the running kernel",
	  "build without CONFIG_KEXEC", "# CONFIG_KEXEC is not set", NULL, NULL },
	{ "kexec.file", "kexec_file_load boots only signed kernels", "kexec", SEV(H, N), 0, 0,
	  ANY(KN("KEXEC_FILE"), SY_EQ("kernel.kexec_load_disabled", "1"),
	      ALL(ANY(KY_V("KEXEC_SIG", V(5, 4), 0), KY_V("KEXEC_VERIFY_SIG", 0, V(5, 4))),
		  KY("KEXEC_BZIMAGE_VERIFY_SIG"),
		  ANY(KY_V("KEXEC_SIG_FORCE", V(5, 4), 0), KY_V("KEXEC_VERIFY_SIG", 0, V(5, 4)),
		      LEVEL_INTEGRITY))),
	  SRC_LOCKDOWN,
	  "kexec_file_load checks signatures only with KEXEC_SIG and bzImage verification; an "
	  "invalid signature is refused if KEXEC_SIG_FORCE=y or the kernel is locked down",
	  "build with CONFIG_KEXEC_SIG, CONFIG_KEXEC_BZIMAGE_VERIFY_SIG and "
	  "CONFIG_KEXEC_SIG_FORCE, or lock down, or build without CONFIG_KEXEC_FILE",
	  "CONFIG_KEXEC_SIG=y\nCONFIG_KEXEC_BZIMAGE_VERIFY_SIG=y\nCONFIG_KEXEC_SIG_FORCE=y", NULL,
	  "lockdown=integrity" },
	{ "kexec.file", "kexec_file_load not built (KEXEC_FILE)", "kexec", SEV(N, H), 0, 0,
	  KN("KEXEC_FILE"), SRC_KSPP, "no kexec at all: nothing can replace the running kernel",
	  "build without CONFIG_KEXEC_FILE", "# CONFIG_KEXEC_FILE is not set", NULL, NULL },
	{ "kexec.load_disabled", "kexec switched off (kernel.kexec_load_disabled)", "kexec",
	  SEV(L, M), 0, 0,
	  ANY(ALL(KN("KEXEC"), KN("KEXEC_FILE")), SY_EQ("kernel.kexec_load_disabled", "1")),
	  SRC_SYSCTL, "a one-way switch: once set, neither kexec call works until reboot",
	  "set kernel.kexec_load_disabled=1 (or build without kexec)", NULL,
	  "kernel.kexec_load_disabled = 1", NULL },
	{ "kexec.sig_force", "kexec signatures forced by the config (KEXEC_SIG_FORCE)", "kexec",
	  SEV(I, N), V(5, 4), 0, ANY(KN("KEXEC_FILE"), KY("KEXEC_SIG_FORCE")), SRC_KSPP,
	  "without it only lockdown makes kexec_file_load refuse an invalid signature",
	  "build with CONFIG_KEXEC_SIG_FORCE=y", "CONFIG_KEXEC_SIG_FORCE=y", NULL, NULL },

	/* The kernel's own lockdown. */
	{ "lockdown.lsm", "lockdown LSM built (SECURITY_LOCKDOWN_LSM)", "lockdown", SEV(H, H), 0, 0,
	  ANY(RT_LEVEL("none"), KY_V("SECURITY_LOCKDOWN_LSM", V(5, 4), 0),
	      KY_V("LOCK_DOWN_KERNEL", 0, V(5, 4))),
	  SRC_LOCKDOWN, "without it there is no lockdown level to raise",
	  "build with CONFIG_SECURITY_LOCKDOWN_LSM=y", "CONFIG_SECURITY_LOCKDOWN_LSM=y", NULL,
	  NULL },
	{ "lockdown.early", "lockdown LSM initialised early (SECURITY_LOCKDOWN_LSM_EARLY)",
	  "lockdown", SEV(M, M), V(5, 4), 0, KY("SECURITY_LOCKDOWN_LSM_EARLY"), SRC_LOCKDOWN,
	  "early initialisation covers the boot before the other LSMs start and does not depend "
	  "on lsm=",
	  "build with CONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y", "CONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y",
	  NULL, NULL },
	{ "lockdown.active", "lockdown LSM active", "lockdown", SEV(H, H), 0, 0,
	  FIRST(RT_LSM("lockdown"), ALL(LOCKDOWN_LSM_LIVE)), SRC_LOCKDOWN,
	  "a lockdown LSM that is built but not initialised answers nothing",
	  "build with CONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y or add lockdown to lsm=",
	  "CONFIG_SECURITY_LOCKDOWN_LSM=y\nCONFIG_SECURITY_LOCKDOWN_LSM_EARLY=y", NULL, NULL },
	{ "lockdown.level", "kernel locked down: integrity or higher (effective)", "lockdown",
	  SEV(H, N), 0, 0, LEVEL_INTEGRITY, SRC_LOCKDOWN,
	  "integrity stops root from modifying the running kernel: unsigned modules, kexec, "
	  "/dev/mem, MSRs, ACPI tables, hibernation, ...",
	  "boot with lockdown=integrity, or run `lockdown raise integrity` early in boot",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y", NULL, "lockdown=integrity" },
	{ "lockdown.level", "kernel locked down: confidentiality (effective)", "lockdown",
	  SEV(N, H), 0, 0, LEVEL_CONFIDENTIALITY, SRC_KSPP,
	  "confidentiality also stops root from reading kernel memory: /proc/kcore, kprobes, "
	  "tracefs, BPF reads of kernel memory, ...",
	  "boot with lockdown=confidentiality, or run `lockdown raise confidentiality`",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y", NULL, "lockdown=confidentiality" },
	{ "lockdown.boot_level", "locked down from boot: integrity or higher", "lockdown",
	  SEV(L, N), 0, 0, BOOT_INTEGRITY, SRC_LOCKDOWN,
	  "a level raised by a boot script leaves a window before it runs; a config, lockdown= or "
	  "Secure Boot level holds from the start",
	  "boot with lockdown=integrity or build with CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y", NULL, "lockdown=integrity" },
	{ "lockdown.boot_level", "locked down from boot: confidentiality", "lockdown", SEV(N, M), 0,
	  0, BOOT_CONFIDENTIALITY, SRC_KSPP,
	  "a level raised by a boot script leaves a window before it runs",
	  "boot with lockdown=confidentiality or build with "
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y", NULL, "lockdown=confidentiality" },
	{ "lockdown.secure_boot",
	  "Secure Boot locks the kernel down (LOCK_DOWN_IN_EFI_SECURE_BOOT)", "lockdown", SEV(M, L),
	  0, 0,
	  ANY(KN("EFI"), KY_V("LOCK_DOWN_IN_EFI_SECURE_BOOT", V(5, 4), 0),
	      KY_V("LOCK_DOWN_IN_SECURE_BOOT", 0, V(5, 4))),
	  SRC_LOCKDOWN,
	  "under Secure Boot an unlocked kernel lets root boot unsigned code, defeating the chain "
	  "of trust (the option was LOCK_DOWN_IN_SECURE_BOOT before 5.4)",
	  "build with CONFIG_LOCK_DOWN_IN_EFI_SECURE_BOOT=y",
	  "CONFIG_LOCK_DOWN_IN_EFI_SECURE_BOOT=y", NULL, NULL },
	{ "lockdown.forced", "level forced by the config (LOCK_DOWN_KERNEL_FORCE_*)", "lockdown",
	  SEV(I, N), V(5, 4), 0,
	  ANY(KY("LOCK_DOWN_KERNEL_FORCE_INTEGRITY"), KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY")),
	  SRC_LOCKDOWN, "a forced level cannot be lowered by a boot parameter",
	  "build with CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_INTEGRITY=y", NULL, NULL },
	{ "lockdown.forced", "confidentiality forced by the config", "lockdown", SEV(N, L), V(5, 4),
	  0, KY("LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY"), SRC_KSPP,
	  "a forced level cannot be lowered by a boot parameter",
	  "build with CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y",
	  "CONFIG_LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY=y", NULL, NULL },

	/* KASLR. */
	{ "kaslr.base", "kernel base address randomised (RANDOMIZE_BASE)", "kaslr", SEV(H, H), 0, 0,
	  KY("RANDOMIZE_BASE"), SRC_KSPP,
	  "a fixed kernel address makes every kernel exploit position-independent of leaks",
	  "build with CONFIG_RANDOMIZE_BASE=y", "CONFIG_RANDOMIZE_BASE=y", NULL, NULL },
	{ "kaslr.memory", "kernel memory regions randomised (RANDOMIZE_MEMORY)", "kaslr", SEV(M, M),
	  0, 0, KY("RANDOMIZE_MEMORY"), SRC_KSPP,
	  "fixed direct-map and vmalloc bases help exploits find kernel data",
	  "build with CONFIG_RANDOMIZE_MEMORY=y", "CONFIG_RANDOMIZE_MEMORY=y", NULL, NULL },
	{ "kaslr.cmdline", "KASLR not switched off (no nokaslr)", "kaslr", SEV(H, H), 0, 0,
	  CL_ABSENT("nokaslr"), SRC_PARAMS, "nokaslr undoes RANDOMIZE_BASE at boot",
	  "remove nokaslr from the kernel command line", NULL, NULL, NULL },
	{ "kaslr.kstack", "kernel stack offset randomised per syscall", "kaslr", SEV(I, L),
	  V(5, 13), 0, KY("RANDOMIZE_KSTACK_OFFSET_DEFAULT"), SRC_KSPP,
	  "a per-syscall stack offset defeats stack-layout-dependent attacks",
	  "build with CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT=y",
	  "CONFIG_RANDOMIZE_KSTACK_OFFSET_DEFAULT=y", NULL, NULL },

	/* Pointer and log leaks. */
	{ "leaks.kptr_restrict", "kernel pointers hidden (kernel.kptr_restrict >= 1)", "leaks",
	  SEV(M, N), 0, 0, SY_GE("kernel.kptr_restrict", "1"), SRC_SYSCTL,
	  "printed kernel addresses undo KASLR", "set kernel.kptr_restrict=1", NULL,
	  "kernel.kptr_restrict = 1", NULL },
	{ "leaks.kptr_restrict", "kernel pointers hidden from all (kernel.kptr_restrict = 2)",
	  "leaks", SEV(N, M), 0, 0, SY_GE("kernel.kptr_restrict", "2"), SRC_KSPP,
	  "printed kernel addresses undo KASLR, for root too", "set kernel.kptr_restrict=2", NULL,
	  "kernel.kptr_restrict = 2", NULL },
	{ "leaks.dmesg_restrict", "kernel log restricted (kernel.dmesg_restrict)", "leaks",
	  SEV(M, M), 0, 0, SY_EQ("kernel.dmesg_restrict", "1"), SRC_SYSCTL,
	  "the kernel log shows addresses and state useful to exploits",
	  "set kernel.dmesg_restrict=1", NULL, "kernel.dmesg_restrict = 1", NULL },
	{ "leaks.dmesg_restrict_config",
	  "kernel log restricted by default (SECURITY_DMESG_RESTRICT)", "leaks", SEV(L, L), 0, 0,
	  KY("SECURITY_DMESG_RESTRICT"), SRC_KSPP, "the default holds before any sysctl is applied",
	  "build with CONFIG_SECURITY_DMESG_RESTRICT=y", "CONFIG_SECURITY_DMESG_RESTRICT=y", NULL,
	  NULL },
	{ "leaks.hash_pointers", "pointer hashing not switched off (no no_hash_pointers)", "leaks",
	  SEV(M, M), 0, 0, CL_ABSENT("no_hash_pointers"), SRC_PARAMS,
	  "no_hash_pointers prints raw kernel addresses for every %p",
	  "remove no_hash_pointers from the kernel command line", NULL, NULL, NULL },

	/* Windows onto kernel memory. */
	{ "memory.devmem", "/dev/mem closed or restricted", "memory", SEV(H, N), 0, 0,
	  ANY(KN("DEVMEM"), ALL(KY("STRICT_DEVMEM"), KY("IO_STRICT_DEVMEM")), LEVEL_INTEGRITY),
	  SRC_LOCKDOWN, "/dev/mem writes kernel memory and device registers directly",
	  "build without CONFIG_DEVMEM or with CONFIG_STRICT_DEVMEM and CONFIG_IO_STRICT_DEVMEM, "
	  "or lock down",
	  "CONFIG_STRICT_DEVMEM=y\nCONFIG_IO_STRICT_DEVMEM=y", NULL, "lockdown=integrity" },
	{ "memory.devmem", "/dev/mem absent or restricted by the config", "memory", SEV(N, H), 0, 0,
	  ANY(KN("DEVMEM"), ALL(KY("STRICT_DEVMEM"), KY("IO_STRICT_DEVMEM"))), SRC_KSPP,
	  "/dev/mem writes kernel memory and device registers directly",
	  "build without CONFIG_DEVMEM", "# CONFIG_DEVMEM is not set", NULL, NULL },
	{ "memory.devport", "/dev/port closed", "memory", SEV(M, N), 0, 0,
	  ANY(KN("DEVPORT"), LEVEL_INTEGRITY), SRC_LOCKDOWN,
	  "/dev/port reaches I/O ports, and through them DMA-capable devices",
	  "build without CONFIG_DEVPORT, or lock down", "# CONFIG_DEVPORT is not set", NULL,
	  "lockdown=integrity" },
	{ "memory.devport", "/dev/port absent (DEVPORT)", "memory", SEV(N, M), 0, 0, KN("DEVPORT"),
	  SRC_KSPP, "/dev/port reaches I/O ports, and through them DMA-capable devices",
	  "build without CONFIG_DEVPORT", "# CONFIG_DEVPORT is not set", NULL, NULL },
	{ "memory.kcore", "/proc/kcore closed", "memory", SEV(L, M), 0, 0,
	  ANY(KN("PROC_KCORE"), LEVEL_CONFIDENTIALITY), SRC_LOCKDOWN,
	  "/proc/kcore lets root read all kernel memory, keys included (a confidentiality reason)",
	  "build without CONFIG_PROC_KCORE, or lock down to confidentiality",
	  "# CONFIG_PROC_KCORE is not set", NULL, "lockdown=confidentiality" },
	{ "memory.acpi_custom_method", "ACPI custom methods cannot be written", "memory", SEV(H, H),
	  0, 0, ANY(KN("ACPI_CUSTOM_METHOD"), LEVEL_INTEGRITY), SRC_LOCKDOWN,
	  "custom_method writes AML that runs with kernel privileges",
	  "build without CONFIG_ACPI_CUSTOM_METHOD, or lock down",
	  "# CONFIG_ACPI_CUSTOM_METHOD is not set", NULL, "lockdown=integrity" },
	{ "memory.acpi_table_upgrade", "ACPI tables cannot be replaced from the initrd", "memory",
	  SEV(M, M), 0, 0, ANY(KN("ACPI_TABLE_UPGRADE"), BOOT_INTEGRITY), SRC_LOCKDOWN,
	  "tables are read from the initrd early in boot: only a level set at boot refuses them, "
	  "a later raise comes too late",
	  "build without CONFIG_ACPI_TABLE_UPGRADE, or boot with lockdown=integrity",
	  "# CONFIG_ACPI_TABLE_UPGRADE is not set", NULL, "lockdown=integrity" },
	{ "memory.efi_test", "EFI runtime test driver refused (EFI_TEST)", "memory", SEV(M, M), 0,
	  0, ANY(KN("EFI_TEST"), LEVEL_INTEGRITY), SRC_LOCKDOWN,
	  "efi_test calls EFI runtime services with arguments from user space",
	  "build without CONFIG_EFI_TEST, or lock down", "# CONFIG_EFI_TEST is not set", NULL,
	  "lockdown=integrity" },
	{ "memory.hibernation", "hibernation cannot restore a modified image", "memory", SEV(M, M),
	  0, 0, ANY(KN("HIBERNATION"), CL_TRUE("nohibernate"), LEVEL_INTEGRITY), SRC_LOCKDOWN,
	  "the hibernation image is not signed: whoever writes it writes the next kernel",
	  "build without CONFIG_HIBERNATION, boot with nohibernate, or lock down",
	  "# CONFIG_HIBERNATION is not set", NULL, "nohibernate" },
	{ "memory.devkmem", "/dev/kmem absent (DEVKMEM)", "memory", SEV(H, H), 0, V(5, 13),
	  KN("DEVKMEM"), SRC_KSPP, "/dev/kmem writes kernel virtual memory directly",
	  "build without CONFIG_DEVKMEM", "# CONFIG_DEVKMEM is not set", NULL, NULL },

	/* BPF. */
	{ "bpf.unprivileged", "unprivileged BPF disabled (kernel.unprivileged_bpf_disabled)", "bpf",
	  SEV(H, H), 0, 0, SY_GE("kernel.unprivileged_bpf_disabled", "1"), SRC_SYSCTL,
	  "unprivileged BPF has been a steady source of kernel exploits",
	  "set kernel.unprivileged_bpf_disabled=1 (2 keeps it switchable by root)", NULL,
	  "kernel.unprivileged_bpf_disabled = 1", NULL },
	{ "bpf.unpriv_default_off", "unprivileged BPF off by default (BPF_UNPRIV_DEFAULT_OFF)",
	  "bpf", SEV(L, L), V(5, 13), 0, KY("BPF_UNPRIV_DEFAULT_OFF"), SRC_KSPP,
	  "the default holds before any sysctl is applied",
	  "build with CONFIG_BPF_UNPRIV_DEFAULT_OFF=y", "CONFIG_BPF_UNPRIV_DEFAULT_OFF=y", NULL,
	  NULL },
	{ "bpf.jit_harden", "BPF JIT hardened (net.core.bpf_jit_harden >= 1)", "bpf", SEV(M, N), 0,
	  0, SY_GE("net.core.bpf_jit_harden", "1"), SRC_SYSCTL,
	  "constant blinding stops JIT spraying by unprivileged programs",
	  "set net.core.bpf_jit_harden=1", NULL, "net.core.bpf_jit_harden = 1", NULL },
	{ "bpf.jit_harden", "BPF JIT hardened for all (net.core.bpf_jit_harden = 2)", "bpf",
	  SEV(N, M), 0, 0, SY_GE("net.core.bpf_jit_harden", "2"), SRC_KSPP,
	  "constant blinding for every program, privileged ones included",
	  "set net.core.bpf_jit_harden=2", NULL, "net.core.bpf_jit_harden = 2", NULL },
	{ "bpf.jit_always_on", "BPF interpreter removed (BPF_JIT_ALWAYS_ON)", "bpf", SEV(I, L), 0,
	  0, KY("BPF_JIT_ALWAYS_ON"), SRC_KSPP,
	  "the interpreter is a known gadget for speculative-execution attacks",
	  "build with CONFIG_BPF_JIT_ALWAYS_ON=y", "CONFIG_BPF_JIT_ALWAYS_ON=y", NULL, NULL },
	{ "bpf.lsm", "BPF LSM active (fine-grained lockdown possible)", "bpf", SEV(M, I), 0, 0,
	  FIRST(RT_LSM("bpf"), ALL(KY("BPF_LSM"), CL_LSM("bpf"))), SRC_LOCKDOWN,
	  "lockdown's per-operation policies run as a BPF LSM program on lsm/locked_down",
	  "build with CONFIG_BPF_LSM=y and add bpf to lsm= (see `lockdown status`)",
	  "CONFIG_BPF_LSM=y", NULL, NULL },

	/* Secure Boot. */
	{ "secureboot.enabled", "EFI Secure Boot enabled", "secureboot", SEV(M, M), 0, 0,
	  RT_EQ("efi:SecureBoot", "1"), "UEFI specification",
	  "without Secure Boot the boot chain is not verified and distribution kernels do not "
	  "lock down by themselves",
	  "enable Secure Boot in the firmware setup", NULL, NULL, NULL },
	{ "secureboot.setup_mode", "firmware not in Secure Boot setup mode", "secureboot",
	  SEV(M, M), 0, 0, RT_EQ("efi:SetupMode", "0"), "UEFI specification",
	  "in setup mode anyone can enrol keys: Secure Boot protects nothing",
	  "enrol a platform key (PK) in the firmware setup", NULL, NULL, NULL },
	{ "secureboot.shim", "shim validation not disabled (MokSBStateRT)", "secureboot", SEV(M, M),
	  0, 0, RT_ABSENT_OR_EQ("efi:MokSBStateRT", "0"), "shim documentation",
	  "with validation disabled shim boots unsigned kernels although Secure Boot is on",
	  "run `mokutil --enable-validation` and reboot", NULL, NULL, NULL },
};

const size_t ld_checks_count = sizeof(ld_checks) / sizeof(ld_checks[0]);
