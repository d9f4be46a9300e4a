using Conferences.Api.Tests.Conditional;
using Conferences.Api.Tests.Crud;
using Conferences.Api.Tests.Filters;
using Conferences.Api.Tests.Pagination;
using Conferences.Api.Tests.Validation;

namespace Conferences.Api.Tests.Providers;

/// <summary>ReadTests on the embedded SQLite store.</summary>
public sealed class ReadTestsOnSqlite(ApiFactory api) : ReadTests<ApiFactory>(api);

/// <summary>CreateTests on the embedded SQLite store.</summary>
public sealed class CreateTestsOnSqlite(ApiFactory api) : CreateTests<ApiFactory>(api);

/// <summary>DeleteTests on the embedded SQLite store.</summary>
public sealed class DeleteTestsOnSqlite(ApiFactory api) : DeleteTests<ApiFactory>(api);

/// <summary>KazooSequenceTests on the embedded SQLite store.</summary>
public sealed class KazooSequenceTestsOnSqlite(ApiFactory api) : KazooSequenceTests<ApiFactory>(api);

/// <summary>PatchTests on the embedded SQLite store.</summary>
public sealed class PatchTestsOnSqlite(ApiFactory api) : PatchTests<ApiFactory>(api);

/// <summary>UpdateTests on the embedded SQLite store.</summary>
public sealed class UpdateTestsOnSqlite(ApiFactory api) : UpdateTests<ApiFactory>(api);

/// <summary>SortOrderTests on the embedded SQLite store.</summary>
public sealed class SortOrderTestsOnSqlite(ApiFactory api) : SortOrderTests<ApiFactory>(api);

/// <summary>PaginationTests on the embedded SQLite store.</summary>
public sealed class PaginationTestsOnSqlite(ApiFactory api) : PaginationTests<ApiFactory>(api);

/// <summary>FilterTests on the embedded SQLite store.</summary>
public sealed class FilterTestsOnSqlite(ApiFactory api) : FilterTests<ApiFactory>(api);

/// <summary>TimestampFilterTests on the embedded SQLite store.</summary>
public sealed class TimestampFilterTestsOnSqlite(ApiFactory api) : TimestampFilterTests<ApiFactory>(api);

/// <summary>NumberUniquenessTests on the embedded SQLite store.</summary>
public sealed class NumberUniquenessTestsOnSqlite(ApiFactory api) : NumberUniquenessTests<ApiFactory>(api);

/// <summary>ConditionalRequestTests on the embedded SQLite store.</summary>
public sealed class ConditionalRequestTestsOnSqlite(ApiFactory api) : ConditionalRequestTests<ApiFactory>(api);
