#!/usr/bin/env node
// Installed entry point of the hardened-ecs CLI; the implementation is compiled to out/.
require('../out/checks/cli/main.js').runAsProcess();
