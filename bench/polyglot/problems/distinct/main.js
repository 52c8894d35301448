const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/);
console.log(new Set(data.slice(1).map(Number)).size);
