// Writes the generated Alpaca-format file to the path given (run in its own process so that
// generating it does not count toward the importing process's memory).
import { writeFileSync } from "node:fs";
import { alpacaFile } from "./alpaca-file";

const [, , file, rows] = process.argv;
if (!file) throw new Error("usage: write-alpaca-file.ts <path> [rows]");
writeFileSync(file, alpacaFile(Number(rows ?? 52_000)));
