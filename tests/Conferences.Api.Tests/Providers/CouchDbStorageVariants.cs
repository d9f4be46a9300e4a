using Conferences.Api.Tests.Conditional;
using Conferences.Api.Tests.Crud;
using Conferences.Api.Tests.Filters;
using Conferences.Api.Tests.Pagination;
using Conferences.Api.Tests.Validation;

namespace Conferences.Api.Tests.Providers;

/// <summary>ReadTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class ReadTestsOnCouchDb(CouchDbApiFactory api) : ReadTests<CouchDbApiFactory>(api);

/// <summary>CreateTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class CreateTestsOnCouchDb(CouchDbApiFactory api) : CreateTests<CouchDbApiFactory>(api);

/// <summary>DeleteTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class DeleteTestsOnCouchDb(CouchDbApiFactory api) : DeleteTests<CouchDbApiFactory>(api);

/// <summary>KazooSequenceTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class KazooSequenceTestsOnCouchDb(CouchDbApiFactory api) : KazooSequenceTests<CouchDbApiFactory>(api);

/// <summary>PatchTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class PatchTestsOnCouchDb(CouchDbApiFactory api) : PatchTests<CouchDbApiFactory>(api);

/// <summary>UpdateTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class UpdateTestsOnCouchDb(CouchDbApiFactory api) : UpdateTests<CouchDbApiFactory>(api);

/// <summary>SortOrderTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class SortOrderTestsOnCouchDb(CouchDbApiFactory api) : SortOrderTests<CouchDbApiFactory>(api);

/// <summary>PaginationTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class PaginationTestsOnCouchDb(CouchDbApiFactory api) : PaginationTests<CouchDbApiFactory>(api);

/// <summary>FilterTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class FilterTestsOnCouchDb(CouchDbApiFactory api) : FilterTests<CouchDbApiFactory>(api);

/// <summary>TimestampFilterTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class TimestampFilterTestsOnCouchDb(CouchDbApiFactory api) : TimestampFilterTests<CouchDbApiFactory>(api);

/// <summary>NumberUniquenessTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class NumberUniquenessTestsOnCouchDb(CouchDbApiFactory api) : NumberUniquenessTests<CouchDbApiFactory>(api);

/// <summary>ConditionalRequestTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class ConditionalRequestTestsOnCouchDb(CouchDbApiFactory api) : ConditionalRequestTests<CouchDbApiFactory>(api);
