const counts = new Map();
for (const word of require("fs").readFileSync(0, "utf8").split(/\s+/)) if (word) counts.set(word, (counts.get(word) || 0) + 1);
let best = null, bestCount = 0;
for (const [word, count] of counts) if (count > bestCount || (count === bestCount && word < best)) [best, bestCount] = [word, count];
console.log(`${best} ${bestCount}`);
