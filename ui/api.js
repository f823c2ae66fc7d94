// @ts-check
// The one API client: every request of the page goes through getJson.

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
