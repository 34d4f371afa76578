/**
 * Jest stand-in for `office-addin-manifest` (jest.config.js maps the bare module name here).
 *
 * Unit tests that pull in Office tooling (e.g. office-addin-mock) must not load the real package:
 * it brings node-fetch and Microsoft's online validator along. Nothing here pretends to read a
 * manifest: every operation rejects with a message saying how to reach the real one. Tests of
 * the real manifest (test/manifest.test.ts) load the real package by its file path,
 * `office-addin-manifest/lib/main`, which this mapping does not cover.
 */
function unavailable(name) {
  return async () => {
    throw new Error(
      `office-addin-manifest.${name} is not available in unit tests (jest maps the package to ` +
        `test/stubs/office-addin-manifest.js); require('office-addin-manifest/lib/main') instead.`,
    );
  };
}

module.exports = {
  OfficeAddinManifest: {
    readManifestFile: unavailable('readManifestFile'),
    modifyManifestFile: unavailable('modifyManifestFile'),
  },
  validateManifest: unavailable('validateManifest'),
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
