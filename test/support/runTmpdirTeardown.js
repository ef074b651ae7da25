/** Jest globalTeardown: see runTmpdir.js. */
module.exports = require("./runTmpdir").teardown;
