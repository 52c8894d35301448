const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
console.log(data.slice(1).sort((x, y) => x - y).join(" "));
