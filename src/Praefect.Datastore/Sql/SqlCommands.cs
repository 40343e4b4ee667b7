using System.Data.Common;

namespace Praefect.Datastore.Sql;

/// <summary>Small ADO.NET helpers shared by the backends: commands with @named parameters, id lists.</summary>
internal static class SqlCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>"@id0, @id1, ..." and the matching parameters, for <c>IN (...)</c>.</summary>
    public static (string List, (string Name, object? Value)[] Parameters) IdList(IReadOnlyList<long> ids)
    {
        var parameters = ids.Select((id, i) => ("@id" + i, (object?)id)).ToArray();
        return (string.Join(", ", parameters.Select(p => p.Item1)), parameters);
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static long? NullableLong(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
