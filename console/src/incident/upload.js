// A file into the evidence vault: the browser uploads it straight to Cloud Storage through the
// signed URL the vault hands out (a resumable upload, in chunks, so a large file shows progress),
// computes its SHA-256 meanwhile (WebCrypto), and asks the vault to record it; the vault hashes the
// stored bytes again and records the file only when both agree.
import { send } from '../api.js';

/** Cloud Storage takes the chunks of a resumable upload in multiples of 256 KiB. */
const CHUNK = 32 * 256 * 1024;

export async function sha256Hex(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function uploadEvidence(incidentId, file, { source, description }, onProgress) {
  const { data: upload } = await send('startUpload', { id: incidentId }, {
    fileName: file.name,
    contentType: file.type || 'application/octet-stream',
    size: file.size,
    source,
    description: description || undefined,
  });
  const hashing = sha256Hex(file);
  const started = await fetch(upload.upload.url, { method: 'POST', headers: upload.upload.headers, credentials: 'omit' });
  if (started.status !== 201 && started.status !== 200) throw new Error(`Cloud Storage refused the upload (${started.status})`);
  const session = started.headers.get('Location');
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, file.size);
    const put = await fetch(session, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${offset}-${end - 1}/${file.size}` },
      body: file.slice(offset, end),
      credentials: 'omit',
    });
    if (!(put.status === 308 || put.ok)) throw new Error(`Cloud Storage refused part of the upload (${put.status})`);
    if (onProgress) onProgress(end / file.size);
  }
  const sha256 = await hashing;
  const { data: evidence } = await send('completeUpload', { id: incidentId, uploadId: upload.uploadId }, { sha256 });
  return { evidence, sha256 };
}
