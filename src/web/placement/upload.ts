import { api, ok } from '../api';

/**
 * multipart/form-data upload of one file (field `file`) to an offer, through the typed client (its
 * CSRF header and problem+json errors); the route reads the multipart body itself, so the OpenAPI
 * document declares none and the FormData passes the JSON serializer by.
 */
export function uploadOfferAttachment(offerId: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return ok(
    api.POST('/offers/{id}/attachments', {
      params: { path: { id: offerId } },
      body: body as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}
