using Conferences.Api.Tests.Conditional;
using Conferences.Api.Tests.Crud;
using Conferences.Api.Tests.Filters;
using Conferences.Api.Tests.Pagination;
using Conferences.Api.Tests.Validation;

namespace Conferences.Api.Tests.Providers;

/// <summary>ReadTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class ReadTestsOnCouchDb(CouchDbApiFactory api) : ReadTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>CreateTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class CreateTestsOnCouchDb(CouchDbApiFactory api) : CreateTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>DeleteTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class DeleteTestsOnCouchDb(CouchDbApiFactory api) : DeleteTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>KazooSequenceTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class KazooSequenceTestsOnCouchDb(CouchDbApiFactory api) : KazooSequenceTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>PatchTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class PatchTestsOnCouchDb(CouchDbApiFactory api) : PatchTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>UpdateTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class UpdateTestsOnCouchDb(CouchDbApiFactory api) : UpdateTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>SortOrderTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class SortOrderTestsOnCouchDb(CouchDbApiFactory api) : SortOrderTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>PaginationTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class PaginationTestsOnCouchDb(CouchDbApiFactory api) : PaginationTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>FilterTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class FilterTestsOnCouchDb(CouchDbApiFactory api) : FilterTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>TimestampFilterTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class TimestampFilterTestsOnCouchDb(CouchDbApiFactory api) : TimestampFilterTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>NumberUniquenessTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class NumberUniquenessTestsOnCouchDb(CouchDbApiFactory api) : NumberUniquenessTests(api), IClassFixture<CouchDbApiFactory>;

/// <summary>ConditionalRequestTests with Storage:Provider=couchdb against the test CouchDB server.</summary>
public sealed class ConditionalRequestTestsOnCouchDb(CouchDbApiFactory api) : ConditionalRequestTests(api), IClassFixture<CouchDbApiFactory>;
