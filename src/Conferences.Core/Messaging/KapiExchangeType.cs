namespace Conferences.Core.Messaging;

public enum KapiExchangeType
{
    Direct,

    Topic,

    Fanout,
}
