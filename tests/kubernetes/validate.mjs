// Validate deploy/kubernetes/*.yaml offline: every document against the Kubernetes API
// schema of its kind (kubernetes-models, AJV on the OpenAPI schemas), then what lockdown
// needs of them. Prints "ok - ..." / "not ok - ..." and "kubernetes: N passed, N failed".
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] || path.join(here, "..", "..", "deploy", "kubernetes");
let passed = 0, failed = 0;
const ok = (what) => { passed++; console.log(`ok - ${what}`); };
const notOk = (what, why) => { failed++; console.log(`not ok - ${what} # ${why}`); };
const check = (what, cond, why) => (cond ? ok(what) : notOk(what, why || "false"));

// apiVersion "apps/v1" -> kubernetes-models/apps/v1/Kind; "v1" -> kubernetes-models/v1/Kind.
async function model(doc) {
  const mod = await import(`kubernetes-models/${doc.apiVersion}/${doc.kind}`);
  return mod[doc.kind];
}

const docs = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const d of YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), "utf8"))) {
    if (d.errors.length) { notOk(`${f}: YAML`, d.errors[0].message); continue; }
    const doc = d.toJS();
    if (!doc) continue;
    docs.push(doc);
    try {
      new (await model(doc))(doc).validate();
      ok(`${f}: ${doc.kind} ${doc.metadata && doc.metadata.name} matches the ${doc.apiVersion} schema`);
    } catch (e) {
      notOk(`${f}: ${doc.kind} schema`, String(e.message || e).split("\n")[0]);
    }
  }
}

// What the DaemonSet must have for lockdown to work on a node.
const ds = docs.find((d) => d.kind === "DaemonSet");
const cm = docs.find((d) => d.kind === "ConfigMap");
check("a DaemonSet", !!ds, "none");
if (ds) {
  const spec = ds.spec.template.spec;
  const volumes = Object.fromEntries((spec.volumes || []).map((v) => [v.name, v]));
  const all = [...(spec.initContainers || []), ...(spec.containers || [])];
  check("hostPID (the loader needs the host's pid namespace)", spec.hostPID === true);
  check("tolerates every taint", (spec.tolerations || []).some((t) => t.operator === "Exists"));
  for (const c of all) {
    check(`${c.name}: privileged`, c.securityContext && c.securityContext.privileged === true);
    const mounts = Object.fromEntries((c.volumeMounts || []).map((m) => [m.mountPath, m]));
    const bpf = mounts["/sys/fs/bpf"];
    check(`${c.name}: the host's /sys/fs/bpf`,
      bpf && volumes[bpf.name] && volumes[bpf.name].hostPath &&
      volumes[bpf.name].hostPath.path === "/sys/fs/bpf", JSON.stringify(bpf));
    check(`${c.name}: the host's BTF`, !!mounts["/sys/kernel/btf"]);
    check(`${c.name}: runs /lockdown`, c.command && c.command[0] === "/lockdown", JSON.stringify(c.command));
  }
  const apply = (spec.initContainers || []).find((c) => c.command && c.command[1] === "apply");
  check("an init container applies the policy", !!apply);
  if (apply) {
    const m = (apply.volumeMounts || []).find((v) => v.mountPath === "/etc/lockdown");
    const vol = m && volumes[m.name];
    check("apply reads the policy from the ConfigMap",
      vol && vol.configMap && cm && vol.configMap.name === cm.metadata.name &&
      apply.command.includes("/etc/lockdown/lockdown.conf") && "lockdown.conf" in cm.data,
      JSON.stringify(vol));
    check("apply: the host's securityfs",
      (apply.volumeMounts || []).some((v) => v.mountPath === "/sys/kernel/security" &&
        volumes[v.name].hostPath && volumes[v.name].hostPath.path === "/sys/kernel/security"));
    check("apply: --yes (Seal=yes needs it without a terminal)", apply.command.includes("--yes"));
  }
  const events = (spec.containers || []).find((c) => c.command && c.command[1] === "events");
  check("an events container prints JSON lines on stdout",
    events && events.command.includes("--follow") && events.command.includes("-j"));
  const metrics = (spec.containers || []).find((c) => c.command && c.command[1] === "stats");
  check("a metrics container writes the textfile repeatedly",
    metrics && metrics.command.includes("prometheus") && metrics.command.includes("--interval") &&
    metrics.command.includes("--output"));
  if (ds.metadata.namespace) {
    check("namespace declared", docs.some((d) => d.kind === "Namespace" && d.metadata.name === ds.metadata.namespace));
  }
}
if (cm) {
  check("the ConfigMap's policy starts in audit mode", /^\s*Mode=audit\s*$/m.test(cm.data["lockdown.conf"] || ""));
}
console.log(`kubernetes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
