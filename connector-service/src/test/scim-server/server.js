// A SCIM 2.0 server for AccessLedger's connector tests: scimmy's protocol layer (RFC 7643/7644) over a store kept in
// memory and, when a file is given, saved to it after every change so a restarted server keeps its data.
// Usage: node server.js <port|0> <bearer-token> [state-file] [lenient]; prints "LISTENING <port>" once ready.
// "lenient" behaves like many SaaS directories: no uniqueness check (never a 409, so two groups may share a
// displayName) and userName matched ignoring case in filters, as RFC 7643 declares it (caseExact false).
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";
import {randomUUID} from "node:crypto";
import {existsSync, readFileSync, writeFileSync} from "node:fs";

const [port = "0", token = "test-token", stateFile, mode] = process.argv.slice(2);
const lenient = mode === "lenient";
const store = stateFile && existsSync(stateFile)
    ? JSON.parse(readFileSync(stateFile, "utf8"))
    : {Users: {}, Groups: {}};
const save = () => stateFile && writeFileSync(stateFile, JSON.stringify(store));

// defaults: attributes every stored record has, so filters over them never meet a missing value.
function declare(resource, kind, uniqueAttribute, defaults = {}) {
    SCIMMY.Resources.declare(resource)
        .ingress((target, instance) => {
            const records = store[kind];
            const clash = Object.values(records).find(record =>
                record[uniqueAttribute] === instance[uniqueAttribute] && record.id !== target.id);
            if (clash && !lenient) {
                throw new SCIMMY.Types.Error(409, "uniqueness", `${uniqueAttribute} ${instance[uniqueAttribute]} is taken`);
            }
            if (target.id && !records[target.id]) {
                throw new SCIMMY.Types.Error(404, null, `Resource ${target.id} not found`);
            }
            const id = target.id ?? randomUUID();
            const now = new Date().toISOString();
            records[id] = {...defaults, ...JSON.parse(JSON.stringify(instance)), id,
                meta: {created: records[id]?.meta?.created ?? now, lastModified: now}};
            save();
            return records[id];
        })
        .egress(target => {
            const records = store[kind];
            if (target.id) {
                if (!records[target.id]) throw new SCIMMY.Types.Error(404, null, `Resource ${target.id} not found`);
                return records[target.id];
            }
            const all = Object.values(records);
            if (!target.filter) return all;
            if (!lenient || kind !== "Users") return target.filter.match(all);
            const folded = new SCIMMY.Types.Filter(target.filter.map(expression => Object.fromEntries(Object.entries(expression)
                .map(([attribute, test]) => [attribute, attribute.toLowerCase() === "username" ? [test[0], String(test[1]).toLowerCase()] : test]))));
            const matched = new Set(folded.match(all.map(record => ({...record, userName: record.userName.toLowerCase()}))).map(record => record.id));
            return all.filter(record => matched.has(record.id));
        })
        .degress(target => {
            if (!store[kind][target.id]) throw new SCIMMY.Types.Error(404, null, `Resource ${target.id} not found`);
            delete store[kind][target.id];
            save();
        });
}

declare(SCIMMY.Resources.User, "Users", "userName");
SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
declare(SCIMMY.Resources.Group, "Groups", "displayName", {members: []});

const app = express();
// Tests ask how many requests for Users and Groups arrived, to prove that a replay sends none (connection checks on
// /ServiceProviderConfig do not count).
let requests = 0;
app.get("/stats", (request, response) => response.json({requests}));
app.use("/scim/v2", (request, response, next) => {
    if (/^\/(Users|Groups)\b/.test(request.path)) requests++;
    next();
});
app.use("/scim/v2", new SCIMMYRouters({
    type: "bearer",
    handler: request => {
        if (request.header("Authorization") !== `Bearer ${token}`) throw new Error("Bad or missing bearer token");
        return "accessledger";
    }
}));
const server = app.listen(Number(port), "127.0.0.1", () => console.log(`LISTENING ${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
