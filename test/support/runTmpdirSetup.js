/** Jest globalSetup: see runTmpdir.js. */
module.exports = require("./runTmpdir").setup;
