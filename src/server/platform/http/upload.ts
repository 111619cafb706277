import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

export interface Upload {
  filename: string;
  mimetype: string;
  content: Buffer;
}

const fileError = (code: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field: 'file', code, message }] });

/**
 * The one file of a multipart/form-data request (field „file“), read into memory up to `maxBytes`.
 * A request that is not multipart, a malformed form (no boundary, cut off) or no file is a 400 at
 * the field `file`, an over-large file too; never a 500 from the form parser.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw fileError('invalid_type', 'Bitte eine Datei als multipart/form-data senden.');
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((e: unknown) => {
    // The plugin's own errors carry their status (e.g. 413 too many files); the form parser's do not.
    if (typeof (e as { statusCode?: unknown }).statusCode === 'number') throw e;
    throw fileError('invalid_format', 'Das Formular (multipart/form-data) ist fehlerhaft.');
  });
  if (!file) throw fileError('invalid_type', 'Keine Datei erhalten.');
  const content = await file.toBuffer().catch(() => {
    throw fileError('too_big', `Die Datei ist größer als ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  });
  return { filename: file.filename, mimetype: file.mimetype, content };
}
