// Emits what a citation of the report needs from the project's files: the title, short name
// and authors from CITATION.cff, the version and licence from package.json, and the date of the build.
import {readFileSync} from "node:fs";
import {parse} from "yaml";

const cff = parse(readFileSync("CITATION.cff", "utf8"));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if (cff.version !== pkg.version) {
  throw new Error(
    `CITATION.cff has version ${cff.version} but package.json has ${pkg.version}; make them equal`
  );
}

const authors = cff.authors.map(
  (author) =>
    author.name ??
    [author["given-names"], author["name-particle"], author["family-names"]]
      .filter(Boolean)
      .join(" ")
);
const citation = {
  title: cff.title,
  // The software's short name: the title up to its subtitle.
  name: cff.title.split(":")[0],
  authors,
  version: pkg.version,
  license: pkg.license,
  built: new Date().toISOString().slice(0, 10)
};
process.stdout.write(JSON.stringify(citation));
