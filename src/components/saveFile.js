/** Saves a Blob as a file through a temporary download link; nothing leaves the browser. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a text as a UTF-8 file of the given MIME type. */
export function saveText(text, filename, type = "text/plain") {
  saveBlob(new Blob([text], {type: `${type};charset=utf-8`}), filename);
}
