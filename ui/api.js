// @ts-check
// The one API client: every request of the page goes through getJson, or postForm for the one
// that sends files (ingest).

/** An error answer of the API, with its code and human message. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * GETs a JSON document from the API; an error answer becomes an ApiError with the API's message.
 * @param {string} path
 * @returns {Promise<unknown>}
 */
export async function getJson(path) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the Dossier server. Is it still running?');
  }
  return jsonOf(response);
}

/**
 * POSTs a form (files and fields, as multipart/form-data) to the API with the header that tells
 * the server the page itself sends it (a form on another site cannot); the answer as getJson's.
 * @param {string} path
 * @param {FormData} form
 * @returns {Promise<unknown>}
 */
export async function postForm(path, form) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(path, { method: 'POST', body: form, headers: { Accept: 'application/json', 'X-Dossier-Request': 'ingest' } });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the Dossier server, or it closed the connection while the files were sent. Is it still running?');
  }
  return jsonOf(response);
}

/**
 * The JSON body of an API answer; an error answer becomes an ApiError with the API's message.
 * @param {Response} response
 * @returns {Promise<unknown>}
 */
async function jsonOf(response) {
  /** @type {any} */
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported below from the status alone
  }
  if (!response.ok) {
    const error = body && typeof body === 'object' ? body.error : null;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http-${response.status}`,
      typeof error?.message === 'string' ? error.message : `The server answered ${response.status} ${response.statusText}.`,
    );
  }
  if (body === null) throw new ApiError(response.status, 'bad-response', 'The server sent an answer that is not JSON.');
  return body;
}

/** @param {unknown} error */
export function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
