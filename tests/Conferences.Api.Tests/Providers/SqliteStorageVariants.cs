using Conferences.Api.Tests.Conditional;
using Conferences.Api.Tests.Crud;
using Conferences.Api.Tests.Filters;
using Conferences.Api.Tests.Pagination;
using Conferences.Api.Tests.Validation;

namespace Conferences.Api.Tests.Providers;

/// <summary>ReadTests on the embedded SQLite store.</summary>
public sealed class ReadTestsOnSqlite(ApiFactory api) : ReadTests(api), IClassFixture<ApiFactory>;

/// <summary>CreateTests on the embedded SQLite store.</summary>
public sealed class CreateTestsOnSqlite(ApiFactory api) : CreateTests(api), IClassFixture<ApiFactory>;

/// <summary>DeleteTests on the embedded SQLite store.</summary>
public sealed class DeleteTestsOnSqlite(ApiFactory api) : DeleteTests(api), IClassFixture<ApiFactory>;

/// <summary>KazooSequenceTests on the embedded SQLite store.</summary>
public sealed class KazooSequenceTestsOnSqlite(ApiFactory api) : KazooSequenceTests(api), IClassFixture<ApiFactory>;

/// <summary>PatchTests on the embedded SQLite store.</summary>
public sealed class PatchTestsOnSqlite(ApiFactory api) : PatchTests(api), IClassFixture<ApiFactory>;

/// <summary>UpdateTests on the embedded SQLite store.</summary>
public sealed class UpdateTestsOnSqlite(ApiFactory api) : UpdateTests(api), IClassFixture<ApiFactory>;

/// <summary>SortOrderTests on the embedded SQLite store.</summary>
public sealed class SortOrderTestsOnSqlite(ApiFactory api) : SortOrderTests(api), IClassFixture<ApiFactory>;

/// <summary>PaginationTests on the embedded SQLite store.</summary>
public sealed class PaginationTestsOnSqlite(ApiFactory api) : PaginationTests(api), IClassFixture<ApiFactory>;

/// <summary>FilterTests on the embedded SQLite store.</summary>
public sealed class FilterTestsOnSqlite(ApiFactory api) : FilterTests(api), IClassFixture<ApiFactory>;

/// <summary>TimestampFilterTests on the embedded SQLite store.</summary>
public sealed class TimestampFilterTestsOnSqlite(ApiFactory api) : TimestampFilterTests(api), IClassFixture<ApiFactory>;

/// <summary>NumberUniquenessTests on the embedded SQLite store.</summary>
public sealed class NumberUniquenessTestsOnSqlite(ApiFactory api) : NumberUniquenessTests(api), IClassFixture<ApiFactory>;

/// <summary>ConditionalRequestTests on the embedded SQLite store.</summary>
public sealed class ConditionalRequestTestsOnSqlite(ApiFactory api) : ConditionalRequestTests(api), IClassFixture<ApiFactory>;
