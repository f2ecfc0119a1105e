// The rooms of docs/architecture.md and what each may import. `npm run lint:layers` (part of
// `npm run lint`, so CI) fails on any import that breaks one of these rules.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "policy-is-pure",
      comment:
        "The rule engine is pure: no database, no network, no file system, no other room of the app. Leaves it may read: lib/money.ts and lib/format.ts (Intl formatting, no I/O), the message files lib/i18n/messages/*.json (plain JSON: flag reasons are worded from them, lib/policy/reason-render.ts) and intl-messageformat (the ICU formatter next-intl itself uses).",
      severity: "error",
      from: { path: "^lib/policy/" },
      to: {
        pathNot: [
          "^lib/policy/",
          "^lib/money\\.ts$",
          "^lib/format\\.ts$",
          "^lib/i18n/messages/[^/]+\\.json$",
          "^node_modules/(luxon|date-holidays|zod|intl-messageformat)/",
          "^lib/generated/prisma/enums",
        ],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "policy-no-io-modules",
      severity: "error",
      from: { path: "^lib/policy/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(fs|node:fs|http|node:http|https|node:https|net|node:net|child_process|node:child_process)$|^node_modules/(pg|@prisma|pg-boss|next)/" },
    },
    {
      name: "fx-is-pure",
      comment: "lib/fx converts money with exact arithmetic only: no database, no other room of the app (the rates are read by lib/data/fx-rates.ts).",
      severity: "error",
      from: { path: "^lib/fx/" },
      to: { pathNot: ["^lib/fx/", "^lib/money\\.ts$", "^lib/format\\.ts$"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "metrics-are-pure",
      comment: "lib/performance holds the shop-performance definitions as pure functions; their SQL lives in lib/data/exposure.ts.",
      severity: "error",
      from: { path: "^lib/performance/" },
      to: { path: "^lib/(db\\.ts|database/|data/|flags/|ingest/|actions/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "nothing-imports-app",
      comment: "Routes are the top of the house: nothing imports from app/.",
      severity: "error",
      from: { pathNot: ["^(app|tests|e2e)/", "\\.test\\.ts$"] },
      to: { path: "^app/" },
    },
    {
      name: "lib-knows-no-screens",
      comment: "Data, ingest, flags, jobs, channels, alerts and the engine know nothing of components.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^components/" },
    },
    {
      name: "components-do-not-query",
      comment: "Screens read through lib/data and write through lib/actions, never the database directly.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^lib/(db|database/)|^node_modules/(pg|@prisma)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "pages-read-through-data",
      comment: "Pages and layouts take their data from lib/data (reads) and lib/actions (writes), not from Prisma.",
      severity: "error",
      from: { path: "^app/.+/(page|layout)\\.tsx$" },
      to: { path: "^lib/(db\\.ts|database/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "lower-rooms-do-not-import-actions",
      comment: "lib/actions is the top of lib: only screens and routes use it.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/actions/" },
      to: { path: "^lib/actions/" },
    },
    {
      name: "ingest-and-flags-below-data",
      comment: "Ingest and the flag writers sit below lib/data: they never import its reads.",
      severity: "error",
      from: { path: "^lib/(ingest|flags|compliance|channels|performance)/" },
      // The one policy-settings reader is shared by reads and flag writers alike.
      to: { path: "^lib/data/", pathNot: "^lib/data/settings\\.ts$" },
    },
    {
      name: "no-bench-in-the-app",
      comment: "Benchmark code stays in lib/bench and scripts/bench: the app never ships it.",
      severity: "error",
      from: { path: "^(app|components|lib)/", pathNot: ["^lib/bench/", "\\.test\\.ts$"] },
      to: { path: "^lib/bench/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|lib/generated)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
