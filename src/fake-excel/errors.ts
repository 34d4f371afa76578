/**
 * Errors shaped like the ones Office.js throws (OfficeExtension.Error at run time is named
 * 'RichApi.Error'): `name`, `code`, `message`, `debugInfo { code, message, errorLocation }`,
 * `traceMessages`, `innerError`, `httpStatusCode`.
 *
 * Messages are the English ones of Excel: client-side strings from office.js's
 * office_strings (PropertyNotLoaded, InvalidObjectPath, …) and server-side ones from the
 * "Error handling with the application-specific JavaScript APIs" page.
 */

/** Codes the fake raises. */
export type FakeErrorCode =
  | 'AccessDenied'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'RunMustReturnPromise'
  | 'ValueNotLoaded'
  | 'NotImplemented'
  | 'UnsupportedOperation'
  | 'InsertDeleteConflict'
  | 'NonBlankCellOffSheet';

/** Excel's message for each code (English). */
export const ERROR_MESSAGES: Record<FakeErrorCode, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  // The message Excel actually returns for names.add / worksheets.add duplicates
  // (OfficeDev/office-js#2875); the docs table says "The resource being created already exists."
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  InvalidObjectPath:
    'The object path \'{0}\' isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  NotImplemented: "The requested feature isn't implemented.",
  UnsupportedOperation: 'The operation being attempted is not supported.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
};

const HTTP_STATUS: Partial<Record<FakeErrorCode, number>> = {
  AccessDenied: 401,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  PropertyNotLoaded: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
};

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  /** Extra English explanation from the fake (not present in Excel). */
  fakeDetail?: string;
}

/** An error with the shape of OfficeExtension.Error (name 'RichApi.Error'). */
export class FakeRichApiError extends Error {
  override name = 'RichApi.Error';
  readonly code: FakeErrorCode;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeRichApiError | null = null;
  readonly httpStatusCode: number;

  constructor(
    code: FakeErrorCode,
    options: { location?: string; detail?: string; arg?: string } = {},
  ) {
    const message = ERROR_MESSAGES[code].replace('{0}', options.arg ?? '');
    super(message);
    Object.setPrototypeOf(this, FakeRichApiError.prototype);
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 400;
    this.debugInfo = {
      code,
      message,
      ...(options.location ? { errorLocation: options.location } : {}),
      ...(options.detail ? { fakeDetail: options.detail } : {}),
    };
  }
}

/** Shorthand: `richError('ItemNotFound', 'WorksheetCollection.getItem', 'No sheet "X"')`. */
export function richError(
  code: FakeErrorCode,
  location?: string,
  detail?: string,
): FakeRichApiError {
  return new FakeRichApiError(code, { location, detail });
}

/** The error Office.js throws when reading a property that was not loaded and synced. */
export function propertyNotLoaded(entity: string, property: string): FakeRichApiError {
  return new FakeRichApiError('PropertyNotLoaded', {
    arg: property,
    location: entity ? `${entity}.${property}` : undefined,
  });
}

/**
 * Thrown by the model for a request Excel would reject. The proxies add the API location
 * (e.g. 'Range.merge') and re-throw it as a FakeRichApiError.
 */
export class ModelError extends Error {
  constructor(
    readonly code: FakeErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'ModelError';
  }
}
