namespace Ratchet.Specification.Tests;

/// <summary>Gives each test a new, empty database of one engine.</summary>
public interface IEngineFixture
{
    /// <summary>Creates an empty database that is dropped when the returned object is disposed.</summary>
    Task<TestDatabase> CreateDatabaseAsync();
}
