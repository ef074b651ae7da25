"use strict";
// Stand-in for keytar: every call fails with a message saying why, instead of the real package failing
// to install on a machine without libsecret. Only Microsoft 365 sign-in during sideloading reaches it.
function unavailable() {
  return Promise.reject(
    new Error(
      "keytar is replaced by a stand-in in this project (tools/keytar-stub): no OS credential store. " +
        "Sideload with the manifest instead (see docs/deploying.md).",
    ),
  );
}
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findPassword: unavailable,
  findCredentials: unavailable,
};
