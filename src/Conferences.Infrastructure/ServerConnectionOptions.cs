using System.ComponentModel.DataAnnotations;

namespace Conferences.Infrastructure;

/// <summary>Settings of a server this service connects to: its URI under <c>ConnectionStrings</c>, the rest in a section.</summary>
public abstract class ServerConnectionOptions
{
    /// <summary>The server's URI; the credentials in it never appear in logs, <c>/health</c> or request URLs.</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;
}

/// <summary>Checks a connection string; <paramref name="error"/> says what is wrong with it.</summary>
public delegate bool ConnectionStringCheck(string? connectionString, out string error);

internal static class ServerConnectionOptionsExtensions
{
    /// <summary>
    /// Fails at once, naming the key, when the connection string is missing or malformed (<paramref name="choice"/> says
    /// which setting chose this server); binds the rest from <paramref name="section"/> and validates it at start.
    /// </summary>
    public static OptionsBuilder<T> AddServerConnectionOptions<T>(
        this IServiceCollection services, IConfiguration configuration, string section, string connectionStringName, string choice, ConnectionStringCheck check)
        where T : ServerConnectionOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(connectionStringName);
        if (!check(connectionString, out var error))
        {
            throw new InvalidOperationException($"{choice} but {error}.");
        }
        return services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .Configure(o => o.ConnectionString = connectionString!)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
