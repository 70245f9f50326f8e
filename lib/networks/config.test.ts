import { Networks } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { explorerLink, NetworkConfigError, parseNetworkConfig } from './config';

describe('network configuration from the environment', () => {
  it('defaults to local', () => {
    const n = parseNetworkConfig({});
    expect(n).toMatchObject({
      name: 'local',
      rpcUrl: 'http://127.0.0.1:8000/rpc',
      passphrase: Networks.STANDALONE,
      friendbotUrl: 'http://127.0.0.1:8000/friendbot',
    });
    expect(n.protocolFee.bps).toBe(30);
  });

  it('knows testnet: USDC, EURC, XLM, friendbot, stellar.expert', () => {
    const n = parseNetworkConfig({ OPENESCROW_NETWORK: 'testnet' });
    expect(n.tokens.map((t) => t.code)).toEqual(['USDC', 'EURC', 'XLM']);
    expect(n.tokens[0]!.contractId).toBe('CBIELTK6YBZJU5UP2WWQEUCYKLPU6AUNZ2BQ4WWFEIE3USCIHMXQDAMA');
    // Circle's published Stellar Asset Contract for testnet EURC.
    expect(n.tokens[1]!.contractId).toBe('CCUUDM434BMZMYWYDITHFXHDMIVTGGD6T2I5UKNX5BSLXLW7HVR4MCGZ');
    expect(n.tokens[2]!.contractId).toBe('CDLZFC3SYJYDZT7K67VZ75HPJVIEUVNIXF47ZG2FB2RMQQVU2HHGCYSC');
    expect(explorerLink(n, 'tx', 'ab')).toBe('https://stellar.expert/explorer/testnet/tx/ab');
  });

  it('mainnet needs an RPC URL; its USDC and EURC are Circle’s', () => {
    expect(() => parseNetworkConfig({ OPENESCROW_NETWORK: 'mainnet' })).toThrow(
      /OPENESCROW_RPC_URL is required for mainnet/,
    );
    const n = parseNetworkConfig({ OPENESCROW_NETWORK: 'mainnet', OPENESCROW_RPC_URL: 'https://rpc.example.org' });
    expect(n.tokens.map((t) => t.code)).toEqual(['USDC', 'EURC', 'XLM']);
    expect(n.tokens[0]!.contractId).toBe('CCW67TSZV3SSS2HXMBQ5JFGCKJNXKZM7UQUWUZPUTHXSTZLEO7SJMI75');
    expect(n.tokens[1]!.contractId).toBe('CDTKPWPLOURQA2SGTKTUQOWRCBZEORB4BWBOMJ3D3ZTQQSGE5F6JBQLV');
    expect(n.friendbotUrl).toBeNull();
  });

  it('says which variable is wrong, one line each', () => {
    try {
      parseNetworkConfig({
        OPENESCROW_NETWORK: 'moon',
        OPENESCROW_PROTOCOL_FEE_BPS: '20000',
        OPENESCROW_PROTOCOL_FEE_RECIPIENT: 'GABC',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NetworkConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/OPENESCROW_NETWORK/);
      expect(msg).toMatch(/OPENESCROW_PROTOCOL_FEE_BPS/);
      expect(msg).toMatch(/OPENESCROW_PROTOCOL_FEE_RECIPIENT must be a G… account/);
    }
    expect(() => parseNetworkConfig({ OPENESCROW_NETWORK: 'custom', OPENESCROW_RPC_URL: 'http://x:1' })).toThrow(
      /OPENESCROW_NETWORK_PASSPHRASE is required/,
    );
  });
});
