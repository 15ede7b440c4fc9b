// `OratorVersion` lives in a target of its own so that the OratorKit SDK, which does not
// depend on OratorCore, reads the same release; every module that imports OratorCore sees it.
@_exported import OratorRelease
